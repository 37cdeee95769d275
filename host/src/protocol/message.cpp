#include "protocol/message.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <vector>

#include "json/parse.h"
#include "json/write.h"
#include "protocol/limits.h"
#include "protocol/utf8.h"

namespace oneself::protocol {

using nlohmann::json;

Status PrecheckJson(std::string_view text) {
  // Runs over every byte of every request, so it skips the bytes that cannot
  // change its state (digits, letters, commas...) in a tight loop: the
  // characters that can, inside and outside strings, are marked in a table.
  struct Interesting {
    std::array<bool, 256> inString{};
    std::array<bool, 256> outside{};
    constexpr Interesting() {
      for (size_t c = 0x80; c < 256; ++c) inString[c] = outside[c] = true;
      inString['"'] = inString['\\'] = true;
      outside['"'] = outside['['] = outside['{'] = outside[']'] = outside['}'] = true;
    }
  };
  static constexpr Interesting kInteresting;

  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  int depth = 0;
  bool inString = false;
  size_t i = 0;
  while (i < n) {
    const auto& interesting = inString ? kInteresting.inString : kInteresting.outside;
    while (i < n && !interesting[bytes[i]]) ++i;
    if (i == n) break;
    const unsigned char c = bytes[i];
    if (c >= 0x80) {
      const size_t len = Utf8SequenceLength(text, i);
      if (len == 0) return Status::BadJson(fmt::format("the message is not valid UTF-8 (byte {})", i));
      i += len;
      continue;
    }
    ++i;
    if (inString) {
      if (c == '"') {
        inString = false;
      } else if (i < n && bytes[i] < 0x80) {
        ++i;  // the character after a backslash (a multi-byte one is checked as any other)
      }
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        return Status::BadJson(fmt::format("the message nests deeper than {} levels", kMaxJsonDepth));
      }
    } else {
      --depth;  // ']' or '}'
    }
  }
  return Status::Ok();
}

ParsedRequest ParseRequest(std::string_view frame) {
  ParsedRequest out;
  out.request.id = nullptr;
  // A repeated key is refused rather than resolved: which of two "type" keys
  // wins would decide whether a request writes.
  jsontext::ParseOptions options;
  options.rejectDuplicateKeys = true;
  options.maxDepth = kMaxJsonDepth;
  // A photo's 32x32 gray values ({"gray": [...]} in check and photo.set) as
  // 1,024 bytes rather than 1,024 json numbers (json/parse.h).
  options.bytesKey = "gray";
  options.bytesCount = 1024;
  jsontext::ParseError error;
  auto parsed = jsontext::Parse(frame, options, &error);
  if (!parsed) {
    // The reader refuses everything the precheck does (invalid UTF-8 can only
    // be inside a string of valid JSON, and it counts depth the same way), so
    // the precheck runs only to name the refusal: "not valid UTF-8" or "nests
    // deeper" says more than where the reader stopped. Not on every keystroke.
    if (Status s = PrecheckJson(frame); !s.ok()) {
      out.status = std::move(s);
      return out;
    }
    out.status = error.kind == jsontext::ParseError::Kind::kDuplicateKey
                     ? Status::BadJson("the message repeats a key within one object")
                     : Status::BadJson(fmt::format("the message is not valid JSON (byte {}: {})",
                                                   error.offset, error.message));
    return out;
  }
  json& doc = *parsed;
  if (!doc.is_object()) {
    out.status = Status::BadRequest("a request must be a JSON object");
    return out;
  }
  auto id = doc.find("id");
  if (id == doc.end()) {
    out.status = Status::BadRequest("field 'id' is missing: every request needs a number or string id");
    return out;
  }
  if (!id->is_number() && !id->is_string()) {
    out.status = Status::BadRequest("field 'id' must be a number or a string");
    return out;
  }
  out.request.id = *id;
  auto type = doc.find("type");
  if (type == doc.end() || !type->is_string()) {
    out.status = Status::BadRequest("field 'type' must be a string naming the verb");
    return out;
  }
  out.request.type = type->get<std::string>();
  out.request.body = std::move(doc);
  return out;
}

std::string OkReply(const json& id, const json& result) {
  std::string reply;
  WriteOkReply(reply, id, result);
  return reply;
}

void WriteOkReply(std::string& out, const json& id, const json& result) {
  // The same text as dumping {"id", "ok", "result"} (keys in that order),
  // without first copying the whole result into a new document.
  out.assign("{\"id\":");
  jsontext::AppendJson(out, id);
  out += ",\"ok\":true,\"result\":";
  jsontext::AppendJson(out, result);
  out += '}';
}

std::string ErrorReply(const json& id, const Status& status) {
  json reply = {{"id", id},
                {"ok", false},
                {"error", {{"code", std::string(CodeName(status.code()))},
                           {"message", status.message()}}}};
  std::string text;
  jsontext::AppendJson(text, reply);
  return text;
}

bool CapReply(const json& id, std::string& reply) {
  if (reply.size() <= kMaxReplyBytes) return false;
  reply = ErrorReply(id, Status::TooLarge(fmt::format(
                             "the reply would be {} bytes, over the browser's limit of {}",
                             reply.size(), kMaxReplyBytes)));
  return true;
}

}  // namespace oneself::protocol
