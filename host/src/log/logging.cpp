#include "log/logging.h"

#include <cstdlib>
#include <memory>
#include <system_error>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "log/log.h"
#include "log/log_files.h"

namespace oneself::log {
namespace {

constexpr size_t kMaxLogBytes = 1024 * 1024;
constexpr size_t kKeptLogs = 3;

// Lines below this level are not written (nor formatted, log/log.h).
constexpr Level kLevel = Level::kInfo;

struct Config {
  bool configured = false;  // SetUpLogging was called
  bool opened = false;      // the spdlog logger exists
  bool shut = false;        // Shutdown was called: lines are dropped
  bool toStderr = false;
  std::string firstLine;
};

Config& TheConfig() {
  static Config config;
  return config;
}

spdlog::level::level_enum SpdlogLevel(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      break;
  }
  return spdlog::level::err;
}

void Open(Config& config) {
  config.opened = true;
  std::vector<spdlog::sink_ptr> sinks;
  if (config.toStderr) sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());

  const std::filesystem::path dir = LogDirectory();
  const std::filesystem::path file = dir / "oneself.log";
  if (PrepareLogFolder(dir) && PrepareLogFile(file)) {
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          file.string(), kMaxLogBytes, kKeptLogs));
    } catch (const spdlog::spdlog_ex&) {
      // Logging must never stop the host; stderr remains.
    }
  }
  auto logger = std::make_shared<spdlog::logger>("oneself", sinks.begin(), sinks.end());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ [%P] %l %v", spdlog::pattern_time_type::utc);
  logger->set_level(SpdlogLevel(kLevel));
  logger->flush_on(SpdlogLevel(kLevel));
  spdlog::set_default_logger(std::move(logger));
  if (!config.firstLine.empty()) spdlog::default_logger_raw()->info(config.firstLine);
}

}  // namespace

void SetUpLogging(bool toStderr, std::string firstLine) {
  Config& config = TheConfig();
  config.configured = true;
  config.toStderr = toStderr;
  config.firstLine = std::move(firstLine);
}

bool Enabled(Level level) {
  const Config& config = TheConfig();
  return level >= kLevel && config.configured && !config.shut;
}

void Write(Level level, std::string_view line) {
  Config& config = TheConfig();
  if (!Enabled(level)) return;
  if (!config.opened) Open(config);
  spdlog::default_logger_raw()->log(SpdlogLevel(level), line);
}

void Shutdown() {
  Config& config = TheConfig();
  config.shut = true;
  if (config.opened) spdlog::shutdown();
}

}  // namespace oneself::log
