// The bytes a JSON string cannot pass through as they are, for the reader and
// the writer alike: the quote and the backslash (escapes), control characters
// (refused when read, escaped when written), and the first byte of every
// multi-byte UTF-8 sequence (validated, then copied). Both scan a string for
// the next such byte and copy the run before it whole.
#pragma once

#include <array>
#include <cstddef>

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

}  // namespace oneself::jsontext
