#include "json/parse.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "json/string_bytes.h"
#include "protocol/utf8.h"

namespace oneself::jsontext {
namespace {

using nlohmann::json;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Reader {
 public:
  Reader(std::string_view text, const ParseOptions& options) : s_(text), options_(options) {}

  bool Document(json& out) {
    // nlohmann skips a UTF-8 byte order mark at the start; so does this.
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    if (!Value(out, 0)) return false;
    SkipSpace();
    if (pos_ != s_.size()) return Fail("unexpected text after the document");
    return true;
  }

  ParseError TakeError() { return std::move(error_); }

 private:
  bool Fail(std::string message, ParseError::Kind kind = ParseError::Kind::kSyntax) {
    if (error_.message.empty()) {
      error_.kind = kind;
      error_.offset = pos_;
      error_.message = std::move(message);
    }
    return false;
  }

  void SkipSpace() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++pos_;
    }
  }

  bool Value(json& out, int depth) {
    SkipSpace();
    if (pos_ == s_.size()) return Fail("unexpected end of input");
    switch (s_[pos_]) {
      case '{': return Object(out, depth + 1);
      case '[': return Array(out, depth + 1);
      case '"': {
        out = json::value_t::string;
        return String(out.get_ref<std::string&>());
      }
      case 't': return Literal("true", out, true);
      case 'f': return Literal("false", out, false);
      case 'n': return Literal("null", out, nullptr);
      default: return Number([&](auto number) { out = number; });
    }
  }

  template <typename T>
  bool Literal(std::string_view word, json& out, T value) {
    if (s_.substr(pos_, word.size()) != word) return Fail("invalid literal");
    pos_ += word.size();
    out = value;
    return true;
  }

  bool Object(json& out, int depth) {
    if (depth > options_.maxDepth) return Fail("nested too deep", ParseError::Kind::kTooDeep);
    ++pos_;  // '{'
    out = json::value_t::object;
    auto& members = out.get_ref<json::object_t&>();
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    std::string key;
    for (;;) {
      SkipSpace();
      if (pos_ == s_.size() || s_[pos_] != '"') return Fail("expected a key string");
      key.clear();
      if (!String(key)) return false;
      SkipSpace();
      if (pos_ == s_.size() || s_[pos_] != ':') return Fail("expected ':' after a key");
      ++pos_;
      auto [slot, inserted] = members.try_emplace(key);
      if (!inserted) {
        if (options_.rejectDuplicateKeys) {
          return Fail("the key '" + key + "' is repeated", ParseError::Kind::kDuplicateKey);
        }
        slot->second = nullptr;  // the last one wins
      }
      const bool asBytes = !options_.bytesKey.empty() && key == options_.bytesKey &&
                           depth + 1 <= options_.maxDepth && Bytes(slot->second);
      if (!asBytes && !Value(slot->second, depth)) return false;
      SkipSpace();
      if (pos_ == s_.size()) return Fail("unexpected end of input in an object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or '}' in an object");
    }
  }

  bool Array(json& out, int depth) {
    if (depth > options_.maxDepth) return Fail("nested too deep", ParseError::Kind::kTooDeep);
    ++pos_;  // '['
    out = json::value_t::array;
    auto& items = out.get_ref<json::array_t&>();
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      // A number is built where it goes: a photo's 1,024 gray values come as
      // one array, and assigning each to an empty slot built and destroyed a
      // temporary value per number.
      SkipSpace();
      if (pos_ < s_.size() && (s_[pos_] == '-' || (s_[pos_] >= '0' && s_[pos_] <= '9'))) {
        if (!Number([&](auto number) { items.emplace_back(number); })) return false;
      } else {
        items.emplace_back();
        if (!Value(items.back(), depth)) return false;
      }
      SkipSpace();
      if (pos_ == s_.size()) return Fail("unexpected end of input in an array");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or ']' in an array");
    }
  }

  // An array of exactly options_.bytesCount plain integers 0..255, read into
  // one binary value (see ParseOptions). Anything else leaves the position
  // where it was and returns false, for Value to read it as usual (and to
  // report any error the usual way).
  bool Bytes(json& out) {
    const size_t start = pos_;
    SkipSpace();
    if (pos_ == s_.size() || s_[pos_] != '[') return Rewind(start);
    ++pos_;
    json::binary_t bytes;
    bytes.reserve(options_.bytesCount);
    for (;;) {
      SkipSpace();
      if (pos_ == s_.size() || s_[pos_] < '0' || s_[pos_] > '9') return Rewind(start);
      unsigned value = static_cast<unsigned>(s_[pos_++] - '0');
      if (value != 0) {
        for (int more = 0; more < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9'; ++more) {
          value = value * 10 + static_cast<unsigned>(s_[pos_++] - '0');
        }
      }
      if (value > 255 || bytes.size() == options_.bytesCount) return Rewind(start);
      if (pos_ < s_.size() && ((s_[pos_] >= '0' && s_[pos_] <= '9') || s_[pos_] == '.' ||
                               s_[pos_] == 'e' || s_[pos_] == 'E')) {
        return Rewind(start);
      }
      bytes.push_back(static_cast<uint8_t>(value));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']' && bytes.size() == options_.bytesCount) {
        ++pos_;
        out = json::binary(std::move(bytes));
        return true;
      }
      return Rewind(start);
    }
  }

  bool Rewind(size_t to) {
    pos_ = to;
    return false;
  }

  // At the opening quote; appends the decoded string to `out`.
  bool String(std::string& out) {
    ++pos_;
    const auto* bytes = reinterpret_cast<const unsigned char*>(s_.data());
    size_t run = pos_;
    for (;;) {
      pos_ = NextStop(bytes, pos_, s_.size());
      if (pos_ == s_.size()) return Fail("unterminated string");
      const unsigned char c = bytes[pos_];
      if (c >= 0x80) {
        const size_t len = protocol::Utf8SequenceLength(s_, pos_);
        if (len == 0) return Fail("invalid UTF-8 in a string");
        pos_ += len;
        continue;
      }
      out.append(s_.data() + run, pos_ - run);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\') return Fail("control character in a string");
      if (!Escape(out)) return false;
      run = pos_;
    }
  }

  // At a backslash.
  bool Escape(std::string& out) {
    if (pos_ + 1 >= s_.size()) return Fail("unterminated escape");
    const char e = s_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return Fail("invalid escape");
    }
    uint32_t cp = 0;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("a low surrogate without a high one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      // A high surrogate must be followed by an escaped low one.
      if (s_.substr(pos_, 2) != "\\u") return Fail("a high surrogate without a low one");
      pos_ += 2;
      uint32_t low = 0;
      if (!Hex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return Fail("a high surrogate without a low one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(out, cp);
    return true;
  }

  bool Hex4(uint32_t* cp) {
    if (pos_ + 4 > s_.size()) return Fail("a \\u escape needs four hex digits");
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      const int d = HexDigit(s_[pos_ + k]);
      if (d < 0) return Fail("a \\u escape needs four hex digits");
      v = (v << 4) | static_cast<uint32_t>(d);
    }
    pos_ += 4;
    *cp = v;
    return true;
  }

  // RFC 8259's number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  // Integers become number_unsigned (non-negative) or number_integer; those
  // that do not fit, and every fraction or exponent, become doubles, as in
  // nlohmann.
  // Hands the value to `put` as the type it will have in the document.
  template <typename Put>
  bool Number(Put&& put) {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    const bool negative = s_[pos_] == '-';
    if (negative) ++pos_;
    if (pos_ == s_.size()) return Fail("invalid number");
    if (s_[pos_] == '0') {
      ++pos_;
    } else if (s_[pos_] >= '1' && s_[pos_] <= '9') {
      digits();
    } else {
      return Fail(negative ? "invalid number" : "unexpected character");
    }
    bool integer = true;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return Fail("invalid number");
      integer = false;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) return Fail("invalid number");
      integer = false;
    }
    const char* first = s_.data() + start;
    const char* last = s_.data() + pos_;
    if (integer) {
      if (negative) {
        json::number_integer_t v = 0;
        if (std::from_chars(first, last, v).ec == std::errc()) {
          put(v);
          return true;
        }
      } else {
        json::number_unsigned_t v = 0;
        if (std::from_chars(first, last, v).ec == std::errc()) {
          put(v);
          return true;
        }
      }
    }
    // strtod needs a terminated copy; it rounds as nlohmann's (which calls it)
    // does. Too small a value becomes 0; too large, infinity, which JSON
    // cannot write back: refused, as nlohmann does.
    const std::string token(first, last);
    const double v = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(v)) return Fail("number overflow");
    put(v);
    return true;
  }

  std::string_view s_;
  const ParseOptions& options_;
  size_t pos_ = 0;
  ParseError error_;
};

}  // namespace

std::optional<nlohmann::json> Parse(std::string_view text, const ParseOptions& options,
                                    ParseError* error) {
  Reader reader(text, options);
  nlohmann::json doc;
  if (!reader.Document(doc)) {
    if (error) *error = reader.TakeError();
    return std::nullopt;
  }
  return doc;
}

}  // namespace oneself::jsontext
