// `oneself register` / `oneself unregister`: telling the browsers where the
// host is. On Windows that is a host manifest beside oneself.exe and, per
// browser, a per-user registry key naming it (registration_win32.cpp). On
// Linux and macOS browsers look in folders, which install.sh fills; the verbs
// say so instead of doing half of it (registration_posix.cpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "oneself/status.h"

namespace oneself::cli {

// One line per thing done ("Google Chrome: HKCU\...\org.oneself.host").
Result<std::vector<std::string>> RegisterHost(const std::filesystem::path& binary);
Result<std::vector<std::string>> UnregisterHost(const std::filesystem::path& binary);

// The running program's absolute path.
std::filesystem::path SelfBinary();

}  // namespace oneself::cli
