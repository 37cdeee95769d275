// Frames: split reads, zero length, multi-byte UTF-8, truncation, oversized
// frames skipped without allocation, short writes.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstring>
#include <thread>

#include "protocol/framing.h"
#include "protocol/limits.h"

using namespace oneself;
using namespace oneself::protocol;

namespace {

// Hands out its bytes at most `chunk` at a time, like a pipe under load.
class ChunkedReader final : public ByteReader {
 public:
  ChunkedReader(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, chunk_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    largestAsk = std::max(largestAsk, n);
    return k;
  }
  size_t largestAsk = 0;

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
};

// Accepts at most `chunk` bytes per call.
class ChunkedWriter final : public ByteWriter {
 public:
  explicit ChunkedWriter(size_t chunk) : chunk_(chunk) {}
  Result<size_t> Write(const char* buf, size_t n) override {
    size_t k = std::min(n, chunk_);
    out.append(buf, k);
    ++calls;
    return k;
  }
  std::string out;
  int calls = 0;

 private:
  size_t chunk_;
};

std::string Header(uint32_t n) { return std::string(reinterpret_cast<const char*>(&n), 4); }
std::string Framed(const std::string& body) { return Header(static_cast<uint32_t>(body.size())) + body; }

}  // namespace

TEST_CASE("framing: frames arrive whole however the reads are split", "[protocol]") {
  const std::string a = R"({"id":1,"type":"hello","protocol":1})";
  const std::string b = "{\"id\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"}";  // é € 😀
  for (size_t chunk : {1, 2, 3, 5, 4096}) {
    INFO("chunk " << chunk);
    ChunkedReader in(Framed(a) + Framed(b), chunk);
    Result<Frame> f1 = ReadFrame(in);
    REQUIRE(f1.ok());
    CHECK(f1->kind == Frame::Kind::kMessage);
    CHECK(f1->body == a);
    Result<Frame> f2 = ReadFrame(in);
    REQUIRE(f2.ok());
    CHECK(f2->body == b);
    Result<Frame> end = ReadFrame(in);
    REQUIRE(end.ok());
    CHECK(end->kind == Frame::Kind::kEnd);
  }
}

TEST_CASE("framing: a zero-length frame is a message with an empty body", "[protocol]") {
  ChunkedReader in(Header(0) + Framed("{}"), 7);
  Result<Frame> f = ReadFrame(in);
  REQUIRE(f.ok());
  CHECK(f->kind == Frame::Kind::kMessage);
  CHECK(f->body.empty());
  CHECK(ReadFrame(in)->body == "{}");
}

TEST_CASE("framing: a frame cut short is an error, not a frame", "[protocol]") {
  SECTION("inside the header") {
    ChunkedReader in(std::string("\x05\x00", 2), 1);
    Result<Frame> f = ReadFrame(in);
    CHECK_FALSE(f.ok());
  }
  SECTION("inside the body") {
    ChunkedReader in(Header(10) + "{\"id\"", 2);
    Result<Frame> f = ReadFrame(in);
    REQUIRE_FALSE(f.ok());
    CHECK(f.status().message().find("cut short") != std::string::npos);
  }
}

TEST_CASE("framing: an oversized frame is skipped in small pieces, then the next is read", "[protocol]") {
  const uint32_t big = kMaxRequestBytes + 1;
  std::string stream = Header(big) + std::string(big, 'x') + Framed("{\"id\":2}");
  ChunkedReader in(std::move(stream), 1 << 20);
  Result<Frame> f = ReadFrame(in);
  REQUIRE(f.ok());
  CHECK(f->kind == Frame::Kind::kTooLarge);
  CHECK(f->length == big);
  CHECK(f->body.empty());
  // Never asked for more than one discard chunk at a time: nothing sized by the peer.
  CHECK(in.largestAsk <= kDiscardChunk);
  Result<Frame> next = ReadFrame(in);
  REQUIRE(next.ok());
  CHECK(next->body == "{\"id\":2}");
}

TEST_CASE("framing: an oversized frame that ends early is an error", "[protocol]") {
  ChunkedReader in(Header(0xFFFFFFFFu) + std::string(1000, 'x'), 4096);
  CHECK_FALSE(ReadFrame(in).ok());
}

TEST_CASE("framing: a frame of exactly the limit is accepted", "[protocol]") {
  ChunkedReader in(Header(kMaxRequestBytes) + std::string(kMaxRequestBytes, ' '), 1 << 20);
  Result<Frame> f = ReadFrame(in);
  REQUIRE(f.ok());
  CHECK(f->kind == Frame::Kind::kMessage);
  CHECK(f->body.size() == kMaxRequestBytes);
}

TEST_CASE("framing: writes loop over short writes and put the length first", "[protocol]") {
  ChunkedWriter out(3);
  const std::string body = "{\"id\":1,\"ok\":true,\"result\":{}}";
  REQUIRE(WriteFrame(out, body).ok());
  CHECK(out.calls > 1);
  REQUIRE(out.out.size() == 4 + body.size());
  uint32_t n = 0;
  std::memcpy(&n, out.out.data(), 4);
  CHECK(n == body.size());
  CHECK(out.out.substr(4) == body);
}

TEST_CASE("framing: a pipe that takes a reply in pieces gets all of it, in order", "[protocol]") {
  // FdWriter gathers header and body into one writev; a body larger than the
  // pipe's buffer is taken in several, each ending anywhere, even inside the
  // header's iovec when the pipe is nearly full.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::string body(300 * 1024, ' ');
  for (size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>('a' + i % 23);
  std::string received;
  std::thread reader([&] {
    char buf[7919];  // a prime, so reads end at every offset of the frames
    for (;;) {
      ssize_t got = ::read(fds[0], buf, sizeof buf);
      if (got <= 0) break;
      received.append(buf, static_cast<size_t>(got));
    }
  });
  FdWriter out(fds[1]);
  Status first = WriteFrame(out, body);
  Status second = WriteFrame(out, "{}");
  ::close(fds[1]);
  reader.join();
  ::close(fds[0]);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(received == Framed(body) + Framed("{}"));
}

TEST_CASE("framing: one Frame read into again and again holds each frame alone", "[protocol]") {
  const std::string big(kKeptBufferBytes + 10, 'x');
  ChunkedReader in(Framed("{\"a\":1}") + Framed(big) + Framed("{}") + Header(kMaxRequestBytes + 1) +
                       std::string(kMaxRequestBytes + 1, ' ') + Framed("[]"),
                   1 << 16);
  Frame frame;
  REQUIRE(ReadFrame(in, frame).ok());
  CHECK(frame.body == "{\"a\":1}");
  REQUIRE(ReadFrame(in, frame).ok());
  CHECK(frame.body == big);
  REQUIRE(ReadFrame(in, frame).ok());
  CHECK(frame.body == "{}");
  CHECK(frame.body.capacity() <= kKeptBufferBytes);  // the large frame's buffer was given back
  REQUIRE(ReadFrame(in, frame).ok());
  CHECK(frame.kind == Frame::Kind::kTooLarge);
  CHECK(frame.body.empty());
  REQUIRE(ReadFrame(in, frame).ok());
  CHECK(frame.kind == Frame::Kind::kMessage);
  CHECK(frame.body == "[]");
  REQUIRE(ReadFrame(in, frame).ok());
  CHECK(frame.kind == Frame::Kind::kEnd);
  CHECK(frame.body.empty());
}
