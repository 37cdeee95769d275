# Run by CPack after staging the files (CPACK_PRE_BUILD_SCRIPTS): writes
# usr/share/doc/oneself/changelog.gz for the version being packed.
set(ONESELF_DEB_VERSION "${CPACK_PACKAGE_VERSION}")
file(GLOB staged LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/usr/share/doc/oneself"
     "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/share/doc/oneself")
if(NOT staged)
  message(FATAL_ERROR "changelog.cmake: no staged usr/share/doc/oneself under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
list(GET staged 0 doc)
configure_file("${CPACK_ONESELF_CHANGELOG_IN}" "${doc}/changelog" @ONLY)
execute_process(COMMAND gzip -9n "${doc}/changelog" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "changelog.cmake: gzip failed")
endif()
