// The bytes a JSON string cannot pass through as they are, for the reader and
// the writer alike: the quote and the backslash (escapes), control characters
// (refused when read, escaped when written), and the first byte of every
// multi-byte UTF-8 sequence (validated, then copied). Both scan a string for
// the next such byte and copy the run before it whole.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace oneself::jsontext {

struct StringStops {
  std::array<bool, 256> byte{};
  constexpr StringStops() {
    for (size_t c = 0; c < 0x20; ++c) byte[c] = true;
    for (size_t c = 0x80; c < 256; ++c) byte[c] = true;
    byte['"'] = byte['\\'] = true;
  }
};
inline constexpr StringStops kStringStops;

// The index of the first stop byte in bytes[i, n), or n. Prose is long runs
// of plain ASCII (a 2,600-character about is copied in and out of every
// check), so whole 8-byte words are ruled out at once: a word holds a stop
// exactly when one of its bytes is below 0x20, at or above 0x80, '"' or '\\'
// (the classic "has a byte less than" and "has a zero byte" tests, exact for
// the question "any?"). The table then finds which byte it is.
inline size_t NextStop(const unsigned char* bytes, size_t i, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, bytes + i, sizeof word);
    const uint64_t control = (word - kOnes * 0x20) & ~word;  // a byte below 0x20
    const uint64_t quote = word ^ (kOnes * '"');
    const uint64_t backslash = word ^ (kOnes * '\\');
    const uint64_t zeroes = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
    if (((control | zeroes) & kHighs) != 0 || (word & kHighs) != 0) break;
    i += 8;
  }
  while (i < n && !kStringStops.byte[bytes[i]]) ++i;
  return i;
}

}  // namespace oneself::jsontext
