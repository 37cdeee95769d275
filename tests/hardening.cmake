# Hardening tests: crash safety, many writers, file modes, no
# network code, and the sanitizer pass. See docs/security.md for what each
# one protects. Included by tests/CMakeLists.txt.
if(NOT TARGET oneself)
  return()
endif()

find_package(Threads REQUIRED)
foreach(tool crash_kill many_writers)
  add_executable(oneself_${tool} ${CMAKE_CURRENT_SOURCE_DIR}/hardening/${tool}.cpp)
  target_link_libraries(oneself_${tool} PRIVATE nlohmann_json::nlohmann_json Threads::Threads oneself_warnings)
  add_dependencies(oneself_${tool} oneself)
endforeach()

# 200 SIGKILLs at random instants while updates stream in.
add_test(NAME "hardening: crash kill x200"
  COMMAND oneself_crash_kill $<TARGET_FILE:oneself> 200)
# Four hosts and the CLI on one store: 4 x 500 host updates and 200 `set`s,
# over 2,000 acknowledged (the issue asks for thousands).
add_test(NAME "hardening: many writers"
  COMMAND oneself_many_writers $<TARGET_FILE:oneself> 500 200)
add_test(NAME "hardening: no network code in the binary"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hardening/no_network.sh $<TARGET_FILE:oneself>)
add_test(NAME "hardening: file modes under any umask"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hardening/file_modes.sh $<TARGET_FILE:oneself>)
set_tests_properties(
  "hardening: crash kill x200" "hardening: many writers"
  "hardening: no network code in the binary" "hardening: file modes under any umask"
  PROPERTIES LABELS hardening TIMEOUT 900)
