# install.sh into a temporary HOME with fake browser folders, then doctor and
# --uninstall (tests/install/install_test.sh). It installs the binary this
# build made, so it never rebuilds.
add_test(NAME install.sh
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/install/install_test.sh)
set_tests_properties(install.sh PROPERTIES
  ENVIRONMENT "ONESELF_BUILD_DIR=${PROJECT_BINARY_DIR}"
  LABELS install
  TIMEOUT 300)

# The dependency script is idempotent: after tests/run.sh has run it, it has
# nothing left to install.
add_test(NAME deps.sh-nothing-missing
  COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/deps.sh --test --check)
set_tests_properties(deps.sh-nothing-missing PROPERTIES LABELS install TIMEOUT 60)
