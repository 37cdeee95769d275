# The dependencies of oneself_core when cross-compiling for Windows
# (cmake/toolchain-mingw-w64.cmake), as the oneself_deps target the native
# build defines from the system's packages:
#  - libcrypto and utf8proc, static, from scripts/windows-deps.sh's prefix
#    (run here, at configure time, when ONESELF_WINDOWS_DEPS is not given; a
#    cached prefix makes that instant);
#  - the header-only ones (nlohmann-json, spdlog, fmt's headers, stb,
#    Catch2 v2) from the build machine's -dev packages as they are. Their
#    directories are linked one by one into the build tree, because putting
#    /usr/include itself on the path would shadow the Windows C library.
if(NOT ONESELF_WINDOWS_DEPS)
  execute_process(COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/windows-deps.sh
    OUTPUT_VARIABLE ONESELF_WINDOWS_DEPS OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "scripts/windows-deps.sh failed; run it by hand to see why")
  endif()
  set(ONESELF_WINDOWS_DEPS ${ONESELF_WINDOWS_DEPS} CACHE PATH "Prefix of the Windows dependencies (scripts/windows-deps.sh)")
endif()
foreach(lib crypto utf8proc)
  if(NOT EXISTS ${ONESELF_WINDOWS_DEPS}/lib/lib${lib}.a)
    message(FATAL_ERROR "${ONESELF_WINDOWS_DEPS}/lib/lib${lib}.a is missing; rerun scripts/windows-deps.sh")
  endif()
endforeach()

set(ONESELF_HEADER_FARM ${CMAKE_BINARY_DIR}/windows-headers)
file(MAKE_DIRECTORY ${ONESELF_HEADER_FARM})
foreach(dir nlohmann spdlog fmt stb catch2)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: scripts/deps.sh installs the header packages")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${ONESELF_HEADER_FARM}/${dir} SYMBOLIC)
endforeach()

find_package(Threads REQUIRED)
add_library(oneself_deps INTERFACE)
target_include_directories(oneself_deps SYSTEM INTERFACE
  ${ONESELF_WINDOWS_DEPS}/include ${ONESELF_HEADER_FARM})
# As in the native static build: spdlog with fmt compiled into our objects
# (host/src/log/fmt_library.cpp), fmt without std::locale.
target_compile_definitions(oneself_deps INTERFACE
  SPDLOG_FMT_EXTERNAL FMT_STATIC_THOUSANDS_SEPARATOR=',' UTF8PROC_STATIC
  # Unicode Win32 API (the W functions) everywhere; nothing from windows.h's
  # min/max macros or its rarely used parts.
  UNICODE _UNICODE NOMINMAX WIN32_LEAN_AND_MEAN _WIN32_WINNT=0x0A00
  # No libwebp here (compare/image.cpp refuses a WebP photo with how to
  # convert it); no minizip or zlib (importers/zip_archive_win32.cpp).
  ONESELF_NO_WEBP)
target_link_libraries(oneself_deps INTERFACE
  ${ONESELF_WINDOWS_DEPS}/lib/libcrypto.a ${ONESELF_WINDOWS_DEPS}/lib/libutf8proc.a
  Threads::Threads advapi32 bcrypt crypt32 ws2_32 user32)

# The targets the tests expect from find_package.
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES ${ONESELF_HEADER_FARM})
add_library(Catch2::Catch2 INTERFACE IMPORTED GLOBAL)
set_target_properties(Catch2::Catch2 PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES ${ONESELF_HEADER_FARM})
set(Catch2_FOUND TRUE)
set(Catch2_DIR /usr/lib/cmake/Catch2 CACHE PATH "Catch2's CMake files (Catch.cmake)")
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/Catch2)
