# install.sh into a temporary HOME with fake browser folders, then doctor and
# --uninstall (tests/install/install_test.sh). It installs the binary this
# build made, so it never rebuilds.
add_test(NAME "install: install.sh"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/install_test.sh)
set_tests_properties("install: install.sh" PROPERTIES
  ENVIRONMENT "ONESELF_BUILD_DIR=${PROJECT_BINARY_DIR}"
  LABELS install
  TIMEOUT 300)

# scripts/deps.sh against fake apt-get, dpkg-query and sudo.
add_test(NAME "install: deps.sh"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/deps_test.sh)
set_tests_properties("install: deps.sh" PROPERTIES LABELS install TIMEOUT 60)

# CI runs exactly the README's test command.
add_test(NAME "install: CI runs the README's test command"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/readme_ci_test.sh)
set_tests_properties("install: CI runs the README's test command" PROPERTIES LABELS install TIMEOUT 30)

# Flatpak and Snap browsers and --browser-dir: install.sh, the flatpak-spawn
# wrapper (with a stand-in flatpak-spawn) and doctor's diagnosis, in a
# temporary HOME (tests/install/sandboxes_test.sh).
add_test(NAME "install: sandboxed browsers"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/sandboxes_test.sh)
set_tests_properties("install: sandboxed browsers" PROPERTIES
  ENVIRONMENT "ONESELF_BUILD_DIR=${PROJECT_BINARY_DIR}"
  LABELS install
  TIMEOUT 120)
