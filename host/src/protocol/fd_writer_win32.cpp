// FdWriter::WriteAll on Windows: no writev, so the header and the body are
// joined and written by one WriteFile, which the reader sees as one message
// (a pipe write of this size is not split). The descriptor is in binary
// mode (platform/process_start_win32.cpp): the CRT adds no CR.
#include <io.h>

#include <cerrno>
#include <string>

#include "protocol/framing.h"

namespace oneself::protocol {

Status FdWriter::WriteAll(std::string_view head, std::string_view body) {
  std::string joined;
  joined.reserve(head.size() + body.size());
  joined.append(head).append(body);
  std::string_view left = joined;
  while (!left.empty()) {
    // _write takes an unsigned int count; frames are far below 4 GiB (limits.h).
    const int put = ::_write(fd_, left.data(), static_cast<unsigned>(left.size()));
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return Status::IoError("write", "stdout", put < 0 ? errno : EIO);
    left.remove_prefix(static_cast<size_t>(put));
  }
  return Status::Ok();
}

}  // namespace oneself::protocol
