# Writes one host manifest from a template in manifest/ and the allowed
# callers in manifest/allowed-callers.json. Run with `cmake -P`; CMake is
# already a build dependency and parses JSON, so install.sh needs no jq or
# Python to produce a well-formed file.
#
#   cmake -DFAMILY=chromium|firefox -DBINARY=/abs/path/oneself -DOUT=file \
#         -P scripts/host-manifest.cmake
cmake_minimum_required(VERSION 3.20)

foreach(var FAMILY BINARY OUT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "host-manifest.cmake: -D${var}= is required")
  endif()
endforeach()
if(FAMILY STREQUAL "chromium")
  set(list_key allowed_origins)
elseif(FAMILY STREQUAL "firefox")
  set(list_key allowed_extensions)
else()
  message(FATAL_ERROR "host-manifest.cmake: FAMILY must be chromium or firefox")
endif()
if(NOT IS_ABSOLUTE "${BINARY}")
  message(FATAL_ERROR "host-manifest.cmake: BINARY must be an absolute path")
endif()
# A control character in the path can only be a mistake; install.sh refuses
# it before we get here, so only backslash and quote need escaping below.

get_filename_component(manifest_dir "${CMAKE_CURRENT_LIST_DIR}/../manifest" ABSOLUTE)
file(READ "${manifest_dir}/org.oneself.host.${FAMILY}.json" doc)
file(READ "${manifest_dir}/allowed-callers.json" callers)

# JSON string literal for the path: escape backslash, then quote.
string(REPLACE "\\" "\\\\" path_json "${BINARY}")
string(REPLACE "\"" "\\\"" path_json "${path_json}")
string(JSON doc SET "${doc}" path "\"${path_json}\"")

string(JSON allowed GET "${callers}" ${FAMILY})
string(JSON doc SET "${doc}" ${list_key} "${allowed}")

file(WRITE "${OUT}" "${doc}\n")
