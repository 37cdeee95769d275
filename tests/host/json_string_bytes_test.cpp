// NextStop (json/string_bytes.h) skips plain ASCII eight bytes at a time; it
// must find exactly the byte a byte-at-a-time scan of the table finds, for
// every byte value at every position of a word and across word boundaries.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "json/string_bytes.h"

using oneself::jsontext::kStringStops;
using oneself::jsontext::NextStop;

namespace {

size_t NextStopByteByByte(const unsigned char* bytes, size_t i, size_t n) {
  while (i < n && !kStringStops.byte[bytes[i]]) ++i;
  return i;
}

size_t Both(const std::string& text, size_t from) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t fast = NextStop(bytes, from, text.size());
  REQUIRE(fast == NextStopByteByByte(bytes, from, text.size()));
  return fast;
}

}  // namespace

TEST_CASE("NextStop finds every stop byte at every offset, and nothing else", "[json]") {
  for (int value = 0; value < 256; ++value) {
    for (size_t at = 0; at < 19; ++at) {
      std::string text(19, 'a');
      text[at] = static_cast<char>(value);
      INFO("byte " << value << " at " << at);
      const bool stop = kStringStops.byte[static_cast<unsigned char>(value)];
      CHECK(Both(text, 0) == (stop ? at : text.size()));
      if (at > 0) CHECK(Both(text, 1) == (stop ? at : text.size()));
    }
  }
}

TEST_CASE("NextStop: bytes next to the limits of each test", "[json]") {
  // 0x1f/0x20, 0x7f/0x80 and the neighbours of '"' and '\\' decide the
  // word tests; a stop after plain neighbours must not be missed or invented.
  for (int value : {0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7e, 0x7f, 0x80, 0xff}) {
    const auto c = static_cast<unsigned char>(value);
    std::string text = "abcdefghijklmnop";
    text[9] = static_cast<char>(c);
    INFO("byte " << int(c));
    CHECK(Both(text, 0) == (kStringStops.byte[c] ? 9u : text.size()));
  }
  CHECK(Both("", 0) == 0);
  CHECK(Both("abc", 3) == 3);
}

TEST_CASE("NextStop agrees with the table on random text", "[json]") {
  std::mt19937 rng(20261126);
  const std::string alphabet = std::string("plain words, mostly ASCII ") + "\"\\\n\t\x01\x7f" + "\xc3\xa9\xe2\x80\x94";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t length = rng() % 80;
    for (size_t i = 0; i < length; ++i) {
      // Mostly letters, so that long plain runs occur and are skipped.
      text += rng() % 8 == 0 ? alphabet[rng() % alphabet.size()] : static_cast<char>('a' + rng() % 26);
    }
    size_t from = length == 0 ? 0 : rng() % (length + 1);
    while (from < text.size()) from = Both(text, from) + 1;
  }
}
