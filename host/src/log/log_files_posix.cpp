#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "log/log_files.h"
#include "log/logging.h"

namespace oneself::log {

std::filesystem::path LogDirectory() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state != nullptr && state[0] == '/') return std::filesystem::path(state) / "oneself";
  const char* home = std::getenv("HOME");
  std::filesystem::path base = home != nullptr && home[0] != '\0' ? home : "/tmp";
  return base / ".local" / "state" / "oneself";
}

bool PrepareLogFolder(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  ::chmod(dir.c_str(), 0700);
  return true;
}

// spdlog creates its files with the process umask; make sure the first one is
// private whatever the umask (main also sets umask 077 for the rotations).
bool PrepareLogFile(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return false;
  bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  return ok;
}

}  // namespace oneself::log
