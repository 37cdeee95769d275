#include "protocol/json_writer.h"

#include <array>
#include <charconv>

#include "protocol/utf8.h"

namespace oneself::protocol {
namespace {

using nlohmann::json;

// Bytes a string cannot copy as they are: the quote, the backslash, control
// characters (escaped), and the start of a multi-byte sequence (validated).
struct Special {
  std::array<bool, 256> byte{};
  constexpr Special() {
    for (size_t c = 0; c < 0x20; ++c) byte[c] = true;
    for (size_t c = 0x80; c < 256; ++c) byte[c] = true;
    byte['"'] = byte['\\'] = true;
  }
};
constexpr Special kSpecial;

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

void AppendString(std::string& out, const std::string& s) {
  if (!IsValidUtf8(s)) {
    // Rare (our strings come from validated requests and files): let the
    // library apply its replacement rules, so the two writers never differ.
    out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = bytes[i];
    if (!kSpecial.byte[c] || c >= 0x80) continue;  // valid UTF-8 is copied as is
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
      }
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

template <typename Int>
void AppendInteger(std::string& out, Int value) {
  std::array<char, 24> buf{};
  auto end = std::to_chars(buf.data(), buf.data() + buf.size(), value).ptr;
  out.append(buf.data(), end);
}

}  // namespace

void AppendJson(std::string& out, const json& value) {
  switch (value.type()) {
    case json::value_t::null: out += "null"; return;
    case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case json::value_t::number_integer: AppendInteger(out, value.get<json::number_integer_t>()); return;
    case json::value_t::number_unsigned: AppendInteger(out, value.get<json::number_unsigned_t>()); return;
    case json::value_t::string: AppendString(out, value.get_ref<const std::string&>()); return;
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const json& item : value) {
        if (!first) out += ',';
        first = false;
        AppendJson(out, item);
      }
      out += ']';
      return;
    }
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ',';
        first = false;
        AppendString(out, key);
        out += ':';
        AppendJson(out, item);
      }
      out += '}';
      return;
    }
    default:  // floats (their shortest round-trip form), binary, discarded
      out += value.dump(-1, ' ', false, json::error_handler_t::replace);
      return;
  }
}

}  // namespace oneself::protocol
