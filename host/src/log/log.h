// Writing a log line. Callers format with fmt here; spdlog itself stays in
// logging.cpp. spdlog is header-only on the systems we build on, and every
// file that included it carried its own copy of its pattern code and of fmt's
// float formatting (about a megabyte of the binary, paged in at every start).
#pragma once

#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace oneself::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// Whether a line at `level` would be written; a line below the logger's level
// costs this check and no formatting.
bool Enabled(Level level);

// Writes one finished line at `level`.
void Write(Level level, std::string_view line);

// Flushes and closes the log; lines after it are dropped.
void Shutdown();

template <typename... Args>
void Log(Level level, fmt::format_string<Args...> format, Args&&... args) {
  if (Enabled(level)) Write(level, fmt::format(format, std::forward<Args>(args)...));
}

template <typename... Args>
void Debug(fmt::format_string<Args...> format, Args&&... args) {
  Log(Level::kDebug, format, std::forward<Args>(args)...);
}

template <typename... Args>
void Info(fmt::format_string<Args...> format, Args&&... args) {
  Log(Level::kInfo, format, std::forward<Args>(args)...);
}

template <typename... Args>
void Warn(fmt::format_string<Args...> format, Args&&... args) {
  Log(Level::kWarn, format, std::forward<Args>(args)...);
}

template <typename... Args>
void Error(fmt::format_string<Args...> format, Args&&... args) {
  Log(Level::kError, format, std::forward<Args>(args)...);
}

}  // namespace oneself::log
