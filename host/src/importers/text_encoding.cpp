#include "importers/text_encoding.h"

#include <array>
#include <cstdint>

#include "importers/csv.h"

namespace oneself::importers {
namespace {

// Windows-1252 bytes 0x80..0x9F, where it differs from ISO 8859-1 (the
// Unicode consortium's mapping, cp1252.txt); 0 = not defined. Every other
// byte is the code point of its value.
constexpr std::array<uint16_t, 32> kHigh = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string Position(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string FirstInvalidUtf8(std::string_view text) {
  // IsValidUtf8 on growing prefixes would be quadratic: find the first bad
  // sequence by checking each character's own bytes.
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > text.size() || !IsValidUtf8(text.substr(i, len))) return Position(text, i);
    i += len;
  }
  return {};
}

Result<std::string> Windows1252ToUtf8(std::string_view text, std::string_view name) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    uint32_t cp = b;
    if (b >= 0x80 && b < 0xA0) {
      cp = kHigh[b - 0x80];
      if (cp == 0) {
        char hex[8];
        static constexpr char kDigits[] = "0123456789ABCDEF";
        hex[0] = kDigits[b >> 4];
        hex[1] = kDigits[b & 0xF];
        hex[2] = 0;
        return Status::BadImport(std::string(name) + " " + Position(text, i) +
                                 ": the file is not UTF-8 text, and byte 0x" + hex +
                                 " there is not Windows-1252 either; save it again as \"CSV UTF-8\" (or import "
                                 "LinkedIn's original file)");
      }
    }
    AppendUtf8(out, cp);
  }
  return out;
}

}  // namespace oneself::importers
