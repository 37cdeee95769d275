// An std::ostream over a file descriptor: the command line's stdout and
// stderr. The binary does not include <iostream>: with it, every start of
// the binary, the host's included, constructs the standard streams and the
// locale's facets before main (about 90 us and 20 page faults of each cold
// start, bench/README.md). These streams cost that only when the CLI runs.
#pragma once

#include <array>
#include <ostream>
#include <streambuf>

namespace oneself::cli {

class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd);
  ~FdStreamBuf() override;
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  // Writes the buffered bytes; false (and the stream goes bad) when the
  // descriptor refuses them.
  bool Drain();
  bool WriteAll(const char* data, size_t size);

  int fd_;
  std::array<char, 8192> buffer_{};
};

// Buffered; flushed on destruction and by std::flush. `unbuffered` (for
// stderr) flushes after every output operation, as std::cerr does.
class FdOStream : public std::ostream {
 public:
  FdOStream(int fd, bool unbuffered);
  ~FdOStream() override;

 private:
  FdStreamBuf buf_;
};

}  // namespace oneself::cli
