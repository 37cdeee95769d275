# Cross-compiles oneself for 64-bit Windows with Debian's MinGW-w64 toolchain
# (g++-mingw-w64-x86-64-posix: the posix thread model, which std::thread and
# std::mutex need with this GCC). Used by the `windows` preset.
#
# The compiled dependencies come from scripts/windows-deps.sh (built from
# Debian's source packages, cached outside the clone); ONESELF_WINDOWS_DEPS
# names its prefix and the preset runs the script to get it. Test programs run
# under Wine (the emulator below), so ctest works in the Windows tree as in
# any other.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(ONESELF_MINGW_TRIPLET x86_64-w64-mingw32)

find_program(CMAKE_C_COMPILER NAMES ${ONESELF_MINGW_TRIPLET}-gcc-posix ${ONESELF_MINGW_TRIPLET}-gcc REQUIRED)
find_program(CMAKE_CXX_COMPILER NAMES ${ONESELF_MINGW_TRIPLET}-g++-posix ${ONESELF_MINGW_TRIPLET}-g++ REQUIRED)
find_program(CMAKE_RC_COMPILER NAMES ${ONESELF_MINGW_TRIPLET}-windres)

# Only the MinGW sysroot and the dependency prefix are searched for
# libraries and headers: the build machine's own /usr/include would shadow
# the Windows C library. Programs (wine, cmake) come from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/${ONESELF_MINGW_TRIPLET})
if(ONESELF_WINDOWS_DEPS)
  list(APPEND CMAKE_FIND_ROOT_PATH ${ONESELF_WINDOWS_DEPS})
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

find_program(ONESELF_WINE NAMES wine wine64)
if(ONESELF_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${ONESELF_WINE})
endif()
