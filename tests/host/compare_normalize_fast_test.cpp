// Normalize() and SortedTokenHashes() have fast paths for ASCII text (a
// 2,600-character bio goes through them on every check). On ASCII the rules
// are short enough to restate: this test holds the fast code to a
// byte-at-a-time reference over many random strings, long ones and ones full
// of '&' (the one byte that writes more than one) included, alone and around
// non-ASCII characters that take the utf8proc path.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "compare/text.h"

using namespace oneself::compare::text;

namespace {

// The folding rules of text.h, for ASCII input only.
std::string ReferenceAscii(const std::string& s, Fold fold) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    if (alnum) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(fold != Fold::kStrict && ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    } else if (ch == '\'' || ch == '.' || ch == '-') {
      // dropped
    } else if (ch == '&') {
      if (!out.empty()) out.push_back(' ');
      out += "and";
      space = true;
    } else {
      space = true;
    }
  }
  return out;
}

std::vector<uint64_t> ReferenceHashes(const std::string& norm) {
  std::vector<uint64_t> out;
  for (std::string_view t : Tokens(norm)) {
    uint64_t h = 14695981039346656037ULL;
    for (char c : t) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string RandomAscii(std::mt19937& rng, size_t length) {
  // Weighted towards what changes the state: separators, drops and '&'.
  static constexpr std::string_view kAlphabet =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
      "          &&&&&'''...---,,;:!?()|/@#\t\n";
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
  std::string s(length, ' ');
  for (char& c : s) c = kAlphabet[pick(rng)];
  return s;
}

}  // namespace

TEST_CASE("text: Normalize's ASCII fast path folds as byte-at-a-time rules do", "[compare][text]") {
  std::mt19937 rng(4242);
  std::uniform_int_distribution<size_t> length(0, 300);
  int checked = 0;
  for (int n = 0; n < 3000; ++n) {
    const std::string s = RandomAscii(rng, n % 100 == 0 ? 3000 : length(rng));
    for (Fold fold : {Fold::kStrict, Fold::kCase, Fold::kLoose}) {
      INFO("input: " << s);
      REQUIRE(Normalize(s, fold) == ReferenceAscii(s, fold));
    }
    ++checked;
  }
  // Every byte an '&': four bytes out for each one in.
  for (size_t len : {1u, 2u, 7u, 8u, 9u, 100u, 5000u}) {
    const std::string amps(len, '&');
    REQUIRE(Normalize(amps) == ReferenceAscii(amps, Fold::kLoose));
    REQUIRE(Normalize(amps).size() == len * 4 - 1);
  }
  CHECK(checked == 3000);
}

TEST_CASE("text: Normalize carries its state across ASCII and non-ASCII runs", "[compare][text]") {
  std::mt19937 rng(99);
  std::uniform_int_distribution<size_t> length(0, 40);
  for (int n = 0; n < 1000; ++n) {
    const std::string a = RandomAscii(rng, length(rng));
    const std::string b = RandomAscii(rng, length(rng));
    // An em dash separates like a space; "é" is "e" once folded loosely; a
    // zero-width joiner is dropped.
    REQUIRE(Normalize(a + "\xE2\x80\x94" + b) == ReferenceAscii(a + " " + b, Fold::kLoose));
    REQUIRE(Normalize(a + "\xC3\xA9" + b) == ReferenceAscii(a + "e" + b, Fold::kLoose));
    REQUIRE(Normalize(a + "\xE2\x80\x8D" + b) == ReferenceAscii(a + b, Fold::kLoose));
  }
}

TEST_CASE("text: SortedTokenHashes hashes each token of Tokens()", "[compare][text]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> length(0, 400);
  for (int n = 0; n < 2000; ++n) {
    // Raw (not normalized) text too: runs of spaces and spaces at both ends.
    const std::string raw = RandomAscii(rng, length(rng));
    const std::string norm = Normalize(raw);
    REQUIRE(SortedTokenHashes(norm) == ReferenceHashes(norm));
    REQUIRE(SortedTokenHashes(raw) == ReferenceHashes(raw));
  }
  CHECK(SortedTokenHashes("").empty());
  CHECK(SortedTokenHashes("   ").empty());
  CHECK(SortedTokenHashes(" a  a ").size() == 2);
}
