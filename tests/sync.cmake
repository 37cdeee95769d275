# Sync tests: the store carried between machines by real sync engines, on
# loopback only (docs/testing.md, "The sync tests"). Label `sync`; together
# well under three minutes. Syncthing, git, curl and jq are installed by
# scripts/deps.sh --test.
find_program(ONESELF_SYNCTHING syncthing)
find_program(ONESELF_GIT git)

if(ONESELF_SYNCTHING)
  # The harness itself, on plain files: before the store is involved at all.
  add_test(NAME "sync: syncthing harness on plain files"
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sync/syncthing_files_test.sh 3)
  set_tests_properties("sync: syncthing harness on plain files" PROPERTIES LABELS sync TIMEOUT 240)
  if(TARGET oneself)
    foreach(devices 2 3)
      add_test(NAME "sync: syncthing, ${devices} devices"
        COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sync/syncthing_store_test.sh ${devices})
      set_tests_properties("sync: syncthing, ${devices} devices" PROPERTIES
        ENVIRONMENT "ONESELF_BINARY=$<TARGET_FILE:oneself>"
        LABELS sync TIMEOUT 300)
    endforeach()
    # Two stores started apart, then shared: they simply merge.
    add_test(NAME "sync: syncthing, 2 stores started apart"
      COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sync/syncthing_store_test.sh 2 apart)
    set_tests_properties("sync: syncthing, 2 stores started apart" PROPERTIES
      ENVIRONMENT "ONESELF_BINARY=$<TARGET_FILE:oneself>"
      LABELS sync TIMEOUT 300)
  endif()
else()
  message(STATUS "syncthing not found: the Syncthing sync tests are not registered (scripts/deps.sh --test)")
endif()

if(ONESELF_GIT AND TARGET oneself)
  foreach(clones 2 3)
    add_test(NAME "sync: git, ${clones} clones"
      COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sync/git_store_test.sh ${clones})
    set_tests_properties("sync: git, ${clones} clones" PROPERTIES
      ENVIRONMENT "ONESELF_BINARY=$<TARGET_FILE:oneself>"
      LABELS sync TIMEOUT 240)
  endforeach()
endif()
