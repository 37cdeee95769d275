// Where the log lives and how its folder and file are made private: the
// platform part of logging.cpp (log_files_posix.cpp, log_files_win32.cpp).
// LogDirectory() itself is declared in logging.h.
#pragma once

#include <filesystem>

namespace oneself::log {

// Creates `dir` (and its parents) private to the user; false on failure.
bool PrepareLogFolder(const std::filesystem::path& dir);
// Creates `file` if absent, private to the user, without following a link.
bool PrepareLogFile(const std::filesystem::path& file);

}  // namespace oneself::log
