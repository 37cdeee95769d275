# Extension tests: every tests/extension/**/*.test.js is one CTest
# test, run with Node's built-in runner on jsdom (no browser). Plus `web-ext
# lint` of the unpacked extension. Label `extension`.
find_program(ONESELF_NODE node)
if(NOT ONESELF_NODE)
  message(STATUS "node not found: extension tests are not registered")
  return()
endif()

file(GLOB_RECURSE ONESELF_EXTENSION_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/extension/*.test.js)
foreach(test_file ${ONESELF_EXTENSION_TESTS})
  file(RELATIVE_PATH test_name ${CMAKE_CURRENT_SOURCE_DIR}/extension ${test_file})
  string(REGEX REPLACE "\\.test\\.js$" "" test_name ${test_name})
  add_test(NAME "extension: ${test_name}"
    COMMAND ${ONESELF_NODE} --test --test-reporter=spec ${test_file}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("extension: ${test_name}" PROPERTIES LABELS extension TIMEOUT 120)
endforeach()

# web-ext lint: errors fail the test; the expected warning is explained in
# docs/extension.md.
if(EXISTS ${PROJECT_SOURCE_DIR}/node_modules/.bin/web-ext)
  add_test(NAME "extension: web-ext lint"
    COMMAND ${PROJECT_SOURCE_DIR}/node_modules/.bin/web-ext lint --source-dir extension --self-hosted --no-input
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("extension: web-ext lint" PROPERTIES LABELS extension TIMEOUT 300)
else()
  message(STATUS "web-ext not installed (npm install): the extension lint is not registered")
endif()
