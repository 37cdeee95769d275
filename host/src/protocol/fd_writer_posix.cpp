// FdWriter::WriteAll with writev, which Windows lacks (fd_writer_win32.cpp).
#include <sys/uio.h>
#include <unistd.h>

#include <array>
#include <cerrno>

#include "protocol/framing.h"

namespace oneself::protocol {

Status FdWriter::WriteAll(std::string_view head, std::string_view body) {
  // One writev for both, so that the reader wakes once per reply; a pipe may
  // still take less, and the loop sends the rest.
  std::array<iovec, 2> parts = {iovec{const_cast<char*>(head.data()), head.size()},
                                iovec{const_cast<char*>(body.data()), body.size()}};
  size_t first = 0;
  while (first < parts.size()) {
    if (parts[first].iov_len == 0) {
      ++first;
      continue;
    }
    ssize_t put = ::writev(fd_, &parts[first], static_cast<int>(parts.size() - first));
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return Status::IoError("write", "stdout", put < 0 ? errno : EIO);
    auto left = static_cast<size_t>(put);
    while (first < parts.size() && left >= parts[first].iov_len) {
      left -= parts[first].iov_len;
      ++first;
    }
    if (first < parts.size()) {
      parts[first].iov_base = static_cast<char*>(parts[first].iov_base) + left;
      parts[first].iov_len -= left;
    }
  }
  return Status::Ok();
}

}  // namespace oneself::protocol
