#include "protocol/framing.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>

#include "protocol/limits.h"

namespace oneself::protocol {

Result<size_t> FdReader::Read(char* buf, size_t n) {
  for (;;) {
    // At most 1 GiB a call: Windows' read() and write() take an unsigned int.
    ssize_t got = ::read(fd_, buf, static_cast<unsigned>(std::min<size_t>(n, 1u << 30)));
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Status::IoError("read", "stdin", errno);
  }
}

Result<size_t> FdWriter::Write(const char* buf, size_t n) {
  for (;;) {
    ssize_t put = ::write(fd_, buf, static_cast<unsigned>(std::min<size_t>(n, 1u << 30)));
    if (put > 0) return static_cast<size_t>(put);
    if (put < 0 && errno == EINTR) continue;
    return Status::IoError("write", "stdout", put < 0 ? errno : EIO);
  }
}

Status ByteWriter::WriteAll(std::string_view head, std::string_view body) {
  for (std::string_view part : {head, body}) {
    while (!part.empty()) {
      Result<size_t> put = Write(part.data(), part.size());
      if (!put.ok()) return put.status();
      part.remove_prefix(*put);
    }
  }
  return Status::Ok();
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
  Frame frame;
  if (Status s = ReadFrame(in, frame); !s.ok()) return s;
  return frame;
}

Status ReadFrame(ByteReader& in, Frame& frame) {
  frame.kind = Frame::Kind::kEnd;
  frame.length = 0;
  ResetKeptBuffer(frame.body);
  std::array<char, kHeaderBytes> header{};
  Result<size_t> got = ReadFully(in, header.data(), header.size());
  if (!got.ok()) return got.status();
  if (*got == 0) return Status::Ok();  // kEnd: end of input between frames
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
    return Status::Ok();
  }

  frame.body.resize(length);
  got = ReadFully(in, frame.body.data(), length);
  if (!got.ok()) return got.status();
  if (*got < length) {
    return Status::BadJson(fmt::format("frame cut short: {} of {} body bytes", *got, length));
  }
  frame.kind = Frame::Kind::kMessage;
  return Status::Ok();
}

void ResetKeptBuffer(std::string& buffer) {
  buffer.clear();
  if (buffer.capacity() > kKeptBufferBytes) buffer.shrink_to_fit();
}

Status WriteFrame(ByteWriter& out, std::string_view body) {
  if (body.size() > std::numeric_limits<uint32_t>::max()) {
    return Status::TooLarge(fmt::format("reply of {} bytes", body.size()));
  }
  const auto length = static_cast<uint32_t>(body.size());
  std::array<char, kHeaderBytes> header{};
  std::memcpy(header.data(), &length, sizeof length);  // native byte order
  return out.WriteAll(std::string_view(header.data(), header.size()), body);
}

}  // namespace oneself::protocol
