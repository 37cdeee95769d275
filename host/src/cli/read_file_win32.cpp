// The file is opened by its UTF-16 name, in binary mode (no CRLF
// translation), and not inherited by child processes.
#include <fcntl.h>
#include <io.h>

#include "cli/read_file.h"
#include "platform/wide.h"

namespace oneself::cli {

std::optional<std::string> ReadWholeFile(const std::string& path) {
  const int fd = ::_wopen(platform::Wide(path).c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> text = ReadToEnd(fd);
  ::_close(fd);
  return text;
}

}  // namespace oneself::cli
