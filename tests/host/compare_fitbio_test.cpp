// bio.get: the override, else the longest variant that fits, else the
// shortest cut at a sentence or word with an ellipsis, never inside a grapheme.
#include <catch2/catch.hpp>

#include "compare/fit_bio.h"
#include "compare/text.h"
#include "compare_fixture.h"

using namespace compare_test;
using oneself::compare::CutToFit;
using oneself::compare::FitBio;
using oneself::sites::Counting;

TEST_CASE("fitbio: the longest canonical variant that fits", "[compare][fitbio]") {
  const auto snap = AdaSnapshot();
  auto r = FitBio(snap, "linkedin");
  REQUIRE(r.ok());
  CHECK((*r)["source"] == "about");
  CHECK((*r)["truncated"] == false);
  CHECK((*r)["limit"] == 2600);
  CHECK((*r)["site"] == "linkedin");
  r = FitBio(snap, "mastodon");  // 500: long is 640, medium 250
  CHECK((*r)["source"] == "medium");
  CHECK((*r)["text"] == snap.doc["profile"]["bio"]["medium"]);
  CHECK((*r)["length"] == 250);
  r = FitBio(snap, "x");  // 160
  CHECK((*r)["source"] == "short");
  r = FitBio(snap, "google");  // no limit: the longest
  CHECK((*r)["source"] == "about");
  CHECK((*r)["limit"].is_null());
}

TEST_CASE("fitbio: the site's override wins", "[compare][fitbio]") {
  const auto snap = Patched({{"sites", {{"x", {{"overrides", {{"bio", "A shorter bio just for X"}}}}}}}});
  auto r = FitBio(snap, "x");
  REQUIRE(r.ok());
  CHECK((*r)["source"] == "override");
  CHECK((*r)["text"] == "A shorter bio just for X");
  CHECK((*r)["length"] == 24);
}

TEST_CASE("fitbio: cut at a sentence or a word with an ellipsis", "[compare][fitbio]") {
  // Only the long bio: nothing fits Facebook's 101.
  const auto snap = Patched({{"profile", {{"bio", {{"short", nullptr}, {"medium", nullptr}, {"about", nullptr}}}}}});
  auto r = FitBio(snap, "facebook");
  REQUIRE(r.ok());
  CHECK((*r)["truncated"] == true);
  CHECK((*r)["source"] == "long");
  const std::string text = (*r)["text"];
  CHECK((*r)["length"].get<size_t>() <= 101);
  CHECK(text.size() > 3);
  CHECK(text.substr(text.size() - 3) == "\xE2\x80\xA6");
  CHECK(text.find("I'm a staff software engineer at Lumen Labs in Boston") == 0);

  // With several variants and none that fits, the shortest is the one cut.
  const auto tight = Patched({{"profile", {{"bio", {{"short", std::string(60, 'a') + " " + std::string(57, 'b')},
                                                    {"medium", nullptr}}}}}});
  r = FitBio(tight, "facebook");  // short 118, long and about longer: none fits 101
  REQUIRE(r.ok());
  CHECK((*r)["source"] == "short");
  CHECK((*r)["text"] == std::string(60, 'a') + "\xE2\x80\xA6");

  // A sentence end that keeps at least half is preferred.
  CHECK(CutToFit("One two three four five. Six seven eight nine ten eleven.", Counting::kCodePoints, 40) ==
        "One two three four five\xE2\x80\xA6");
  // Else a word boundary.
  CHECK(CutToFit("Alpha beta gamma delta epsilon zeta eta theta", Counting::kCodePoints, 20) ==
        "Alpha beta gamma\xE2\x80\xA6");
  // Text that fits is returned as is.
  CHECK(CutToFit("Short.", Counting::kCodePoints, 20) == "Short.");
}

TEST_CASE("fitbio: never splits a grapheme", "[compare][fitbio]") {
  // Ten flags (two code points each) without spaces: cutting must fall between flags.
  std::string flags;
  for (int i = 0; i < 10; ++i) flags += "🇩🇪";
  const std::string cut = CutToFit(flags, Counting::kCodePoints, 8);
  // 7 code points of budget + ellipsis: 3 whole flags (6 code points), not 3.5.
  CHECK(cut == "🇩🇪🇩🇪🇩🇪\xE2\x80\xA6");
  const std::string g = CutToFit(flags, Counting::kGraphemes, 5);
  CHECK(g == "🇩🇪🇩🇪🇩🇪🇩🇪\xE2\x80\xA6");
  CHECK(oneself::compare::text::CountGraphemes(g) == 5);
}

TEST_CASE("fitbio: errors", "[compare][fitbio]") {
  CHECK(FitBio(AdaSnapshot(), "myspace").status().code() == oneself::Code::kNotFound);
  const auto nobio = Patched({{"profile", {{"bio", nullptr}}}});
  CHECK(FitBio(nobio, "x").status().code() == oneself::Code::kNotFound);
}
