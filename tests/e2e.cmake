# Browser end-to-end tests: every tests/e2e/*.test.js is one CTest
# test, run with Node's test runner against the real extension, the built host
# and headless Chromium / Firefox ESR. Label `browser`: `ctest -L browser`
# runs only these, `ctest -LE browser` everything else. CI sets CI=1, which
# makes every scenario run three times (tests/e2e/lib/scenario.js).
find_program(ONESELF_NODE node)
if(NOT ONESELF_NODE)
  message(STATUS "node not found: browser end-to-end tests are not registered")
  return()
endif()

file(GLOB ONESELF_E2E_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/*.test.js)
foreach(test_file ${ONESELF_E2E_TESTS})
  get_filename_component(test_name ${test_file} NAME_WE)
  add_test(NAME "e2e: ${test_name}"
    COMMAND ${ONESELF_NODE} --test --test-concurrency=1 --test-reporter=spec ${test_file}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("e2e: ${test_name}" PROPERTIES
    LABELS browser
    TIMEOUT 900
    ENVIRONMENT "ONESELF_BINARY=$<TARGET_FILE:oneself>")
endforeach()
