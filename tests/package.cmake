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
