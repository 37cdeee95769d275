#include "cli/read_file.h"

#include <unistd.h>

#include <cerrno>

namespace oneself::cli {

std::optional<std::string> ReadToEnd(int fd) {
  std::string text;
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) return text;
    text.append(chunk, static_cast<size_t>(n));
  }
}

}  // namespace oneself::cli
