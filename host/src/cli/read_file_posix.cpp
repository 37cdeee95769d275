#include <fcntl.h>
#include <unistd.h>

#include "cli/read_file.h"

namespace oneself::cli {

std::optional<std::string> ReadWholeFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> text = ReadToEnd(fd);
  ::close(fd);
  return text;
}

}  // namespace oneself::cli
