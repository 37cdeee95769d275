# The benchmarks' smoke run: bench/run.sh --quick against the
# binaries of this build, so the benchmark code cannot rot. It asserts only
# that the run completes and prints its table; figures are never asserted.
# bench/ is added after tests/, so its targets are not known yet here.
if(NOT ONESELF_BUILD_BENCH OR NOT EXISTS ${PROJECT_SOURCE_DIR}/bench/CMakeLists.txt)
  return()
endif()
add_test(NAME "bench: quick smoke run prints the table"
  COMMAND bash ${PROJECT_SOURCE_DIR}/bench/run.sh --quick)
set_tests_properties("bench: quick smoke run prints the table" PROPERTIES
  ENVIRONMENT "ONESELF_BENCH_BUILD_DIR=${CMAKE_BINARY_DIR};ONESELF_BENCH_NO_BUILD=1"
  PASS_REGULAR_EXPRESSION "engine: full Check"
  LABELS bench
  TIMEOUT 600)
