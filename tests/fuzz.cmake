# Fuzzing in the test suite, in two parts:
#  - every fuzz target is also built with an ordinary main (fuzz/replay_main.cpp)
#    and replays its seed corpus and every crash reproducer kept in
#    fuzz/regressions/<target>/: cheap, any compiler, and under the asan preset
#    it is a sanitizer run of every input that ever crashed;
#  - "fuzz: every target under ASan and UBSan" runs libFuzzer itself
#    (tests/fuzz/run.sh) in the sanitized clang tree, build-asan/; it is
#    registered with that tree's other tests in tests/sanitizers.cmake.
file(GLOB ONESELF_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.cpp)
foreach(src ${ONESELF_FUZZ_SOURCES})
  get_filename_component(target ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" name ${target})
  add_executable(replay_${name} ${src} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay_main.cpp)
  target_link_libraries(replay_${name} PRIVATE oneself_core oneself_warnings)
  add_test(NAME "fuzz corpus: ${name}"
    COMMAND replay_${name} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/${name}
            ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/${name})
  set_tests_properties("fuzz corpus: ${name}" PROPERTIES LABELS fuzz-corpus TIMEOUT 300)
endforeach()
# The replay refuses a missing or empty seed corpus, so that a renamed folder
# cannot turn every "fuzz corpus" test into a pass on nothing.
add_test(NAME "fuzz corpus: a missing seed corpus is an error"
  COMMAND replay_normalizers ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/no-such-target)
set_tests_properties("fuzz corpus: a missing seed corpus is an error" PROPERTIES
  LABELS fuzz-corpus PASS_REGULAR_EXPRESSION "no seed corpus at ")
