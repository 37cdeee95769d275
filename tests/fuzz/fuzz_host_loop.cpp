// Fuzz target: the frame reader and request dispatch, fed as a byte stream
// into the real host loop (protocol::RunHost) over a temporary store, with
// reads split at varying sizes. Oracle beyond "no crash, no sanitizer
// report": every reply written is a whole frame of at most 1 MiB holding a
// JSON object with "id" and "ok".
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "commands/command.h"
#include "protocol/dispatch.h"
#include "protocol/framing.h"
#include "protocol/host_loop.h"
#include "protocol/limits.h"
#include "store/store.h"

namespace {

using namespace oneself;

class MemoryReader final : public protocol::ByteReader {
 public:
  MemoryReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ >= size_) return size_t{0};
    // Split reads the way a pipe may deliver them: 1 to 61 bytes at a time.
    size_t chunk = 1 + (pos_ * 7 + calls_++) % 61;
    chunk = std::min({chunk, n, size_ - pos_});
    std::memcpy(buf, data_ + pos_, chunk);
    pos_ += chunk;
    return chunk;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  size_t calls_ = 0;
};

class StringWriter final : public protocol::ByteWriter {
 public:
  Result<size_t> Write(const char* buf, size_t n) override {
    out.append(buf, n);
    return n;
  }
  std::string out;
};

std::filesystem::path g_dir;
std::unique_ptr<store::Store> g_store;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  char tmpl[] = "/tmp/oneself-fuzz-host-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) abort();
  g_dir = tmpl;
  g_store = std::make_unique<store::Store>(g_dir / "store");
  if (!g_store->Init().ok()) abort();
  std::atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(g_dir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  commands::Context ctx{*g_store, store::Source::kExtension, [] { return std::string("2026-11-25T10:00:00Z"); }};
  protocol::Dispatcher dispatcher(ctx, /*callerAllowed=*/size == 0 || data[0] != 0xff);
  MemoryReader in(data, size);
  StringWriter out;
  protocol::RunHost(in, out, dispatcher);

  std::string_view rest = out.out;
  while (!rest.empty()) {
    if (rest.size() < 4) __builtin_trap();
    uint32_t len;
    std::memcpy(&len, rest.data(), 4);
    if (len > protocol::kMaxReplyBytes || rest.size() - 4 < len) __builtin_trap();
    auto reply = nlohmann::json::parse(rest.substr(4, len), nullptr, false);
    if (reply.is_discarded() || !reply.is_object() || !reply.contains("id") || !reply.contains("ok"))
      __builtin_trap();
    rest.remove_prefix(4 + len);
  }
  return 0;
}
