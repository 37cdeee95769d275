# The Debian package end to end (tests/package/deb_test.sh): build, lintian,
# dpkg install, upgrade over an older build, Chromium and Firefox against the
# installed host, remove and purge. Needs root (it installs into /; skipped
# otherwise); label `package`. About two minutes.
add_test(NAME "package: deb"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package/deb_test.sh)
set_tests_properties("package: deb" PROPERTIES
  ENVIRONMENT "ONESELF_BUILD_DIR=${PROJECT_BINARY_DIR}"
  LABELS package
  SKIP_RETURN_CODE 77
  RUN_SERIAL TRUE
  TIMEOUT 900)

# The packed extension: web-ext lint, the Chrome Web Store's manifest rules,
# every permission in docs/security.md, the .crx's signature and id, and
# byte-for-byte repeatable packing. About 40 s.
find_program(ONESELF_NODE_FOR_PACKAGE_TESTS node)
if(ONESELF_NODE_FOR_PACKAGE_TESTS)
  add_test(NAME "package: store zips"
    COMMAND ${ONESELF_NODE_FOR_PACKAGE_TESTS} --test --test-reporter=spec
            ${CMAKE_CURRENT_SOURCE_DIR}/package/store-zips.test.mjs
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("package: store zips" PROPERTIES LABELS package TIMEOUT 300)

  # Real Chromium installs the .crx from an external-extensions file with
  # the pinned id and keeps it across a restart. About 30 s.
  add_test(NAME "package: crx in Chromium"
    COMMAND ${ONESELF_NODE_FOR_PACKAGE_TESTS} --test --test-concurrency=1 --test-reporter=spec
            ${CMAKE_CURRENT_SOURCE_DIR}/package/crx-chromium.test.mjs
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties("package: crx in Chromium" PROPERTIES LABELS package TIMEOUT 300
    ENVIRONMENT "ONESELF_BUILD_DIR=${PROJECT_BINARY_DIR}")
endif()

# scripts/firefox-policy.sh with real Firefox ESR (a private copy of the
# program with its own distribution/policies.json). About a minute.
add_test(NAME "package: Firefox policy"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package/firefox_policy_test.sh)
set_tests_properties("package: Firefox policy" PROPERTIES
  LABELS package
  SKIP_RETURN_CODE 77
  TIMEOUT 300)
