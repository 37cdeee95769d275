# The sanitized tree: one clang build, build-asan/ (the `asan`
# preset: ASan + UBSan, fuzzer coverage compiled in), serves two tests of the
# main suite, so CI pays for two builds (this one and the main one), not three:
#  - "fuzz: every target under ASan and UBSan" runs libFuzzer on each target,
#    30 s each when CI is set, 5 s otherwise (tests/fuzz/run.sh);
#  - "sanitizers: the whole suite under ASan and UBSan" runs ctest in
#    build-asan/ (tests/hardening/asan.sh): unit, black-box, hardening,
#    install, fuzz corpus replays and the browser tests (once), all against
#    the sanitized library and host. What it leaves out, and why, is written
#    in asan.sh.
# Both require the fixture whose setup test builds the tree, and neither
# builds it again, so they never build concurrently.
find_program(ONESELF_CLANGXX clang++)
if(NOT ONESELF_CLANGXX)
  # tests/run.sh installs clang; a CI run without it would pass without the
  # sanitizers or the fuzzers having run at all.
  if(DEFINED ENV{CI})
    message(FATAL_ERROR "clang++ not found: CI must run the sanitized tree and the libFuzzer targets (scripts/deps.sh --test installs clang)")
  endif()
  message(WARNING "clang++ not found: the sanitized tree and the libFuzzer run are not registered")
  return()
endif()
# Inside the sanitized tree itself these would recurse.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
  return()
endif()

set(ONESELF_ASAN_SCRIPT ${PROJECT_SOURCE_DIR}/tests/hardening/asan.sh)

add_test(NAME "sanitizers: build the ASan + UBSan tree"
  COMMAND bash ${ONESELF_ASAN_SCRIPT} --build)
# The build uses both cores (PROCESSORS 2 keeps ctest -j2 from starting
# anything beside it); a high COST makes ctest start it first, so the two
# tests that wait on it are not left for the end.
set_tests_properties("sanitizers: build the ASan + UBSan tree" PROPERTIES
  FIXTURES_SETUP oneself_sanitized_tree
  LABELS sanitizers
  PROCESSORS 2
  COST 100000
  TIMEOUT 1800)

add_test(NAME "fuzz: every target under ASan and UBSan"
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/fuzz/run.sh all ci)
set_tests_properties("fuzz: every target under ASan and UBSan" PROPERTIES
  ENVIRONMENT "ONESELF_FUZZ_NO_BUILD=1"
  FIXTURES_REQUIRED oneself_sanitized_tree
  LABELS fuzz
  COST 50000
  TIMEOUT 600)

add_test(NAME "sanitizers: the whole suite under ASan and UBSan"
  COMMAND bash ${ONESELF_ASAN_SCRIPT} --no-build)
# The nested ctest runs two tests at a time (-j2), as the main suite does.
set_tests_properties("sanitizers: the whole suite under ASan and UBSan" PROPERTIES
  FIXTURES_REQUIRED oneself_sanitized_tree
  LABELS sanitizers
  PROCESSORS 2
  COST 90000
  TIMEOUT 1800)
