// Normalization and counting: the ground under every rule.
#include <catch2/catch.hpp>

#include "compare/text.h"

using namespace oneself::compare::text;

TEST_CASE("text: NFKC-equivalent, case folded, punctuation and space folded", "[compare][text]") {
  CHECK(Normalize("  Ada   Whitfield ") == "ada whitfield");
  CHECK(Normalize("ADA WHITFIELD") == "ada whitfield");
  CHECK(Normalize("Ａｄａ") == "ada");                 // full-width
  CHECK(Normalize("\xEF\xAC\x81nance") == "finance");  // the "fi" ligature
  CHECK(Normalize("O'Brien") == Normalize("O\xE2\x80\x99" "Brien"));
  CHECK(Normalize("S.A.") == "sa");
  CHECK(Normalize("Co-Founder") == "cofounder");
  CHECK(Normalize("R&D") == "r and d");
  CHECK(Normalize("Engineer — Lumen | Labs") == "engineer lumen labs");
  CHECK(Normalize("Ada\xC2\xA0Whitfield") == "ada whitfield");  // NBSP
  CHECK(Normalize("Ada 🚀") == "ada");
  CHECK(Normalize("Stra\xC3\x9F" "e") == "strasse");  // ß case folds to ss
}

TEST_CASE("text: diacritics only in the loose fold", "[compare][text]") {
  CHECK(Normalize("José García") == "jose garcia");
  // Kept accents come out decomposed (e + U+0301): see text.h.
  CHECK(Normalize("José García", Fold::kCase) == "jose\xCC\x81 garci\xCC\x81" "a");
  CHECK(Normalize("José", Fold::kStrict) == "Jose\xCC\x81");
  // Precomposed and decomposed accents are the same text.
  CHECK(Normalize("Jos\xC3\xA9", Fold::kCase) == Normalize("Jose\xCC\x81", Fold::kCase));
}

TEST_CASE("text: tokens", "[compare][text]") {
  const auto t = Tokens("ada j whitfield");
  REQUIRE(t.size() == 3);
  CHECK(t[1] == "j");
  CHECK(Tokens("").empty());
}

TEST_CASE("text: symbols are detected", "[compare][text]") {
  CHECK(HasSymbol("Ada 🚀"));
  CHECK(HasSymbol("Ada ✨"));
  CHECK_FALSE(HasSymbol("Ada Whitfield"));
  CHECK_FALSE(HasSymbol("José"));
  // Symbols beyond those of another string (the canonical name's own flag).
  CHECK(HasSymbolBeyond("Ada 🇸🇪 🚀", "Ada 🇸🇪"));
  CHECK_FALSE(HasSymbolBeyond("🇸🇪 Ada", "Ada 🇸🇪"));
  CHECK_FALSE(HasSymbolBeyond("Ada", ""));
  CHECK(HasSymbolBeyond("Ada ✨", ""));
}

TEST_CASE("text: code points and grapheme clusters", "[compare][text]") {
  CHECK(CountCodePoints("abc") == 3);
  CHECK(CountCodePoints("José") == 4);
  CHECK(CountGraphemes("Jose\xCC\x81") == 4);                  // e + combining acute
  CHECK(CountCodePoints("Jose\xCC\x81") == 5);
  CHECK(CountGraphemes("🏃\xE2\x80\x8D♀\xEF\xB8\x8F") == 1);  // woman running: ZWJ sequence
  CHECK(CountGraphemes("🇺🇸🇩🇪") == 2);                          // two flags
  CHECK(CountGraphemes("a\r\nb") == 3);
  const auto starts = GraphemeStarts("a🇺🇸b");
  REQUIRE(starts.size() == 4);
  CHECK(starts[1] == 1);
  CHECK(starts[2] == 9);
}

TEST_CASE("text: X counts every URL as 23", "[compare][text]") {
  CHECK(CountXWeighted("hello") == 5);
  CHECK(CountXWeighted("see https://ada.example.com/a/very/long/path/indeed") == 4 + 23);
  CHECK(CountXWeighted("blog: ada.example.com") == 6 + 23);
  CHECK(CountXWeighted("www.example.org and more") == 23 + 9);
  CHECK(CountXWeighted("e.g. this") == 9);        // not a domain
  CHECK(CountXWeighted("mail ada@example.com") == 20);  // an address is not a URL
  CHECK(CountFor(oneself::sites::Counting::kCodePointsUrl23, "x https://a.io") == 2 + 23);
}

TEST_CASE("text: Trim", "[compare][text]") {
  CHECK(Trim("  a b \n") == "a b");
  CHECK(Trim("\xC2\xA0" "a\xC2\xA0") == "a");
  CHECK(Trim("   ").empty());
}
