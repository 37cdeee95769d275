#include "protocol/framing.h"

#include <spdlog/fmt/fmt.h>

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <limits>

#include "protocol/limits.h"

namespace oneself::protocol {

Result<size_t> FdReader::Read(char* buf, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Status::IoError("read", "stdin", errno);
  }
}

Result<size_t> FdWriter::Write(const char* buf, size_t n) {
  for (;;) {
    ssize_t put = ::write(fd_, buf, n);
    if (put > 0) return static_cast<size_t>(put);
    if (put < 0 && errno == EINTR) continue;
    return Status::IoError("write", "stdout", put < 0 ? errno : EIO);
  }
}

namespace {

// Fills `buf` completely. Returns the number of bytes read, which is less than
// `n` only at end of input.
Result<size_t> ReadFully(ByteReader& in, char* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    Result<size_t> got = in.Read(buf + done, n - done);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    done += *got;
  }
  return done;
}

}  // namespace

Result<Frame> ReadFrame(ByteReader& in) {
  std::array<char, kHeaderBytes> header{};
  Result<size_t> got = ReadFully(in, header.data(), header.size());
  if (!got.ok()) return got.status();
  Frame frame;
  if (*got == 0) return frame;  // kEnd: end of input between frames
  if (*got < header.size()) {
    return Status::BadJson(fmt::format("frame cut short: {} of 4 header bytes", *got));
  }
  uint32_t length = 0;
  std::memcpy(&length, header.data(), sizeof length);  // native byte order
  frame.length = length;

  if (length > kMaxRequestBytes) {
    // Never allocate what the peer announces: skip the body in small pieces.
    std::array<char, kDiscardChunk> sink;
    uint64_t left = length;
    while (left > 0) {
      size_t want = left < sink.size() ? static_cast<size_t>(left) : sink.size();
      Result<size_t> skipped = in.Read(sink.data(), want);
      if (!skipped.ok()) return skipped.status();
      if (*skipped == 0) {
        return Status::BadJson(
            fmt::format("frame cut short while skipping an oversized frame of {} bytes", length));
      }
      left -= *skipped;
    }
    frame.kind = Frame::Kind::kTooLarge;
    return frame;
  }

  frame.body.resize(length);
  got = ReadFully(in, frame.body.data(), length);
  if (!got.ok()) return got.status();
  if (*got < length) {
    return Status::BadJson(fmt::format("frame cut short: {} of {} body bytes", *got, length));
  }
  frame.kind = Frame::Kind::kMessage;
  return frame;
}

Status WriteFrame(ByteWriter& out, std::string_view body) {
  if (body.size() > std::numeric_limits<uint32_t>::max()) {
    return Status::TooLarge(fmt::format("reply of {} bytes", body.size()));
  }
  const auto length = static_cast<uint32_t>(body.size());
  std::string buf(kHeaderBytes + body.size(), '\0');
  std::memcpy(buf.data(), &length, sizeof length);
  std::memcpy(buf.data() + kHeaderBytes, body.data(), body.size());
  size_t done = 0;
  while (done < buf.size()) {
    Result<size_t> put = out.Write(buf.data() + done, buf.size() - done);
    if (!put.ok()) return put.status();
    done += *put;
  }
  return Status::Ok();
}

}  // namespace oneself::protocol
