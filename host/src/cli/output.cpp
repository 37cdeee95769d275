#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace oneself::cli {
namespace {

constexpr size_t kBufferBytes = 8192;

}  // namespace

Output::Output(int fd, bool unbuffered) : fd_(fd), unbuffered_(unbuffered) {}

Output::Output() : fd_(-1), unbuffered_(false) {}

Output::~Output() { Flush(); }

Output& Output::operator<<(std::string_view text) {
  used_ = used_ || !text.empty();
  if (fd_ < 0) {
    buffer_.append(text);
    return *this;
  }
  if (!ok_) return *this;
  if (buffer_.size() + text.size() > kBufferBytes && !Flush()) return *this;
  if (text.size() > kBufferBytes) {
    ok_ = WriteAll(text);  // too big to buffer: straight through
    return *this;
  }
  buffer_.append(text);
  if (unbuffered_) Flush();
  return *this;
}

bool Output::Flush() {
  if (fd_ < 0) return true;
  if (ok_ && !buffer_.empty()) ok_ = WriteAll(buffer_);
  buffer_.clear();
  return ok_;
}

bool Output::WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    // At most 1 GiB a call: Windows' write() takes an unsigned int count.
    const ssize_t n = ::write(fd_, bytes.data(), static_cast<unsigned>(std::min<size_t>(bytes.size(), 1u << 30)));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace oneself::cli
