// Reading and writing length-prefixed frames. The byte streams are behind two
// small interfaces so that tests can feed split reads and short writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "oneself/status.h"

namespace oneself::protocol {

class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Reads up to `n` bytes into `buf`; 0 means end of input. May return fewer
  // bytes than asked for at any time.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

class ByteWriter {
 public:
  virtual ~ByteWriter() = default;
  // Writes up to `n` bytes; returns how many were written (at least 1).
  virtual Result<size_t> Write(const char* buf, size_t n) = 0;
  // Writes all of `head`, then all of `body`. This one writes them in turn;
  // a writer that can gather them into one call does (FdWriter: writev).
  virtual Status WriteAll(std::string_view head, std::string_view body);
};

// A file descriptor, retrying on EINTR. Does not own the descriptor.
class FdReader final : public ByteReader {
 public:
  explicit FdReader(int fd) : fd_(fd) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  int fd_;
};

class FdWriter final : public ByteWriter {
 public:
  explicit FdWriter(int fd) : fd_(fd) {}
  Result<size_t> Write(const char* buf, size_t n) override;
  Status WriteAll(std::string_view head, std::string_view body) override;

 private:
  int fd_;
};

struct Frame {
  enum class Kind {
    kMessage,   // `body` holds the whole frame
    kEnd,       // end of input between frames: a clean exit
    kTooLarge,  // over kMaxRequestBytes; the body was read and discarded
  };
  Kind kind = Kind::kEnd;
  std::string body;
  uint32_t length = 0;  // the announced length
};

// Reads one frame. A frame cut short (end of input inside the header or the
// body) is an error: the stream can no longer be trusted.
Result<Frame> ReadFrame(ByteReader& in);
// The same into `frame`, whose body keeps its capacity from one frame to the
// next: the host loop reads every keystroke's check into the same buffer.
Status ReadFrame(ByteReader& in, Frame& frame);

// Empties a buffer the host loop reuses from message to message, and gives
// its memory back if a rare large message grew it past kKeptBufferBytes.
void ResetKeptBuffer(std::string& buffer);

// Writes the header and `body` (ByteWriter::WriteAll), without copying the
// body. kTooLarge if `body` does not fit in a frame (callers cap replies
// before this; it is a last guard).
Status WriteFrame(ByteWriter& out, std::string_view body);

}  // namespace oneself::protocol
