#include "json/write.h"

#include <array>
#include <charconv>

#include "json/string_bytes.h"
#include "protocol/utf8.h"

namespace oneself::jsontext {
namespace {

using nlohmann::json;

void AppendString(std::string& out, const std::string& s) {
  const size_t start = out.size();
  out += '"';
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;
  size_t i = 0;
  for (;;) {
    i = NextStop(bytes, i, n);
    if (i == n) break;
    const unsigned char c = bytes[i];
    if (c >= 0x80) {
      // Valid UTF-8 is copied as is. Invalid is rare (our strings come from
      // validated requests and files): the library applies its replacement
      // rules then, so that the two writers never differ.
      const size_t len = protocol::Utf8SequenceLength(s, i);
      if (len == 0) {
        out.resize(start);
        out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    out.append(s, run, i - run);
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
    run = ++i;
  }
  out.append(s, run, n - run);
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
      for (const json& item : value.get_ref<const json::array_t&>()) {
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
      for (const auto& [key, item] : value.get_ref<const json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        AppendString(out, key);
        out += ':';
        AppendJson(out, item);
      }
      out += '}';
      return;
    }
    case json::value_t::binary: {
      // Only the reader makes these (ParseOptions::bytesKey): written back as
      // the array of numbers they were read from.
      out += '[';
      bool first = true;
      for (const uint8_t byte : value.get_binary()) {
        if (!first) out += ',';
        first = false;
        AppendInteger(out, static_cast<unsigned>(byte));
      }
      out += ']';
      return;
    }
    default:  // floats (their shortest round-trip form), discarded
      out += value.dump(-1, ' ', false, json::error_handler_t::replace);
      return;
  }
}

}  // namespace oneself::jsontext
