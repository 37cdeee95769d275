// Where the command line writes: stdout and stderr, through write(2).
//
// Not an std::ostream, on purpose. With any iostream in the binary (the
// standard streams, string or file streams), libstdc++ links its locale
// machinery, some forty facets whose virtual tables the dynamic loader
// relocates at every start of the binary, the host's included: about 1,400
// relocations, 7 page faults and 40 us of every cold start
// (bench/README.md). The CLI prints text and integers; this is all it needs.
#pragma once

#include <charconv>
#include <string>
#include <string_view>
#include <type_traits>

namespace oneself::cli {

class Output {
 public:
  // Buffered, flushed by Flush() and on destruction; `unbuffered` (stderr)
  // writes at every operation, as std::cerr does.
  Output(int fd, bool unbuffered);
  // Kept in memory, for str() (tests run subcommands this way).
  Output();
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  Output& operator<<(std::string_view text);
  Output& operator<<(const char* text) { return *this << std::string_view(text); }
  Output& operator<<(const std::string& text) { return *this << std::string_view(text); }
  Output& operator<<(char c) { return *this << std::string_view(&c, 1); }
  template <typename Int>
    requires(std::is_integral_v<Int> && !std::is_same_v<Int, char> && !std::is_same_v<Int, bool>)
  Output& operator<<(Int value) {
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return *this << std::string_view(digits, static_cast<size_t>(end - digits));
  }

  // Writes what is buffered. False once the descriptor has refused bytes
  // (and from then on): what was refused is not silently dropped.
  bool Flush();
  bool ok() const { return ok_; }
  // Why bytes were refused (an errno value), once !ok().
  int error() const { return error_; }
  // Refuses every byte from now on, for `error` (a descriptor that was closed
  // when the program started, and is held by /dev/null).
  void Refuse(int error) {
    ok_ = false;
    error_ = error;
  }
  // Whether anything was written, or tried to be.
  bool used() const { return used_; }
  // What an in-memory Output holds.
  const std::string& str() const { return buffer_; }

 private:
  bool WriteAll(std::string_view bytes);

  int fd_;  // -1: in memory
  bool unbuffered_;
  bool ok_ = true;
  bool used_ = false;
  int error_ = 0;
  std::string buffer_;
};

}  // namespace oneself::cli
