#include "cli/fd_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace oneself::cli {

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

FdStreamBuf::~FdStreamBuf() { Drain(); }

FdStreamBuf::int_type FdStreamBuf::overflow(int_type ch) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize FdStreamBuf::xsputn(const char* data, std::streamsize size) {
  const auto n = static_cast<size_t>(size);
  if (n <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    return size;
  }
  // Too big for what is left: send what is buffered, then this directly.
  if (!Drain() || !WriteAll(data, n)) return 0;
  return size;
}

int FdStreamBuf::sync() { return Drain() ? 0 : -1; }

bool FdStreamBuf::Drain() {
  const auto n = static_cast<size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return n == 0 || WriteAll(buffer_.data(), n);
}

bool FdStreamBuf::WriteAll(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t w = ::write(fd_, data, size);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    data += w;
    size -= static_cast<size_t>(w);
  }
  return true;
}

FdOStream::FdOStream(int fd, bool unbuffered) : std::ostream(nullptr), buf_(fd) {
  rdbuf(&buf_);
  if (unbuffered) setf(std::ios_base::unitbuf);
}

FdOStream::~FdOStream() { flush(); }

}  // namespace oneself::cli
