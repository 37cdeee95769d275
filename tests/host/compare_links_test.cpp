// Links, and Mastodon's profile metadata rows in particular: the canonical
// website must be among them, each label and value fits in 255 characters, and
// a row that holds no link ("Pronouns: she/her") is not compared.
#include <catch2/catch.hpp>

#include "compare_fixture.h"

using namespace compare_test;

namespace {

json Row(const std::string& label, const std::string& value) { return {{"label", label}, {"url", value}}; }

json Mastodon(const json& rows, const oneself::store::Snapshot& snap = AdaSnapshot()) {
  return RunCheck(snap, "mastodon", {{"links", rows}});
}

}  // namespace

TEST_CASE("mastodon rows: the canonical website among them is quiet", "[compare][links]") {
  // The website in another form (www, trailing slash), a canonical link, and
  // rows that are not links at all.
  const json r = Mastodon(json::array({Row("Website", "http://www.ada.example.com/"),
                                       Row("Blog", "https://ada.example.com/blog"),
                                       Row("Pronouns", "she/her"), Row("Based in", "Boston, MA"),
                                       Row("Fediverse", "@ada@mastodon.example")}));
  CHECK(WarningsFor(r, "links").empty());
  CHECK(r["checked"] == json::array({"links"}));
  // A bare domain is a link too.
  CHECK(WarningsFor(Mastodon(json::array({Row("Web", "ada.example.com")})), "links").empty());
}

TEST_CASE("mastodon rows: a missing canonical website is reported", "[compare][links]") {
  const json rows = json::array({Row("Blog", "https://ada.example.com/blog"), Row("Pronouns", "she/her")});
  const json w = OneWarning(Mastodon(rows), "links");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "missing");
  CHECK(w["severity"] == "warning");
  CHECK(w["canonical"] == "https://ada.example.com");
  CHECK(w["observed"] == rows);
  CHECK(w["message"] == "Your canonical website, https://ada.example.com, is not among your Mastodon profile fields.");
  // No rows at all.
  CHECK(OneWarning(Mastodon(json::array()), "links")["code"] == "missing");
  // The site's website override is the one looked for.
  auto overridden = AdaSnapshot();
  overridden.doc["sites"]["mastodon"]["overrides"]["website"] = "https://ada.example.com/fediverse";
  CHECK(OneWarning(Mastodon(json::array({Row("Web", "https://ada.example.com")}), overridden), "links")["canonical"] ==
        "https://ada.example.com/fediverse");
  CHECK(WarningsFor(Mastodon(json::array({Row("Web", "https://ada.example.com/fediverse")}), overridden), "links").empty());
  // No canonical website: nothing to miss.
  auto noWebsite = AdaSnapshot();
  noWebsite.doc["profile"].erase("website");
  CHECK(WarningsFor(Mastodon(json::array({Row("Blog", "https://ada.example.com/blog")}), noWebsite), "links").empty());
  // Other sites' link lists are not where a website must be.
  CHECK(WarningsFor(RunCheck(AdaSnapshot(), "linkedin", {{"links", json::array({Row("Blog", "https://ada.example.com/blog")})}}),
                    "links")
            .empty());
}

TEST_CASE("mastodon rows: an unknown link still differs", "[compare][links]") {
  const json r = Mastodon(json::array({Row("Website", "https://ada.example.com"), Row("Shop", "https://shop.example.net")}));
  const json w = OneWarning(r, "links");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "differs");
  CHECK(w["observed"] == "https://shop.example.net");
}

TEST_CASE("mastodon rows: labels and values over 255 characters are too_long", "[compare][links]") {
  const std::string longValue = "https://ada.example.com/" + std::string(240, 'a');  // 264
  json r = Mastodon(json::array({Row("Website", "https://ada.example.com"), Row("Notes", longValue)}));
  auto ws = WarningsFor(r, "links");
  REQUIRE(ws.size() == 2);  // too long, and not a canonical link
  CHECK(ws[0]["code"] == "too_long");
  CHECK(ws[0]["limit"] == 255);
  CHECK(ws[0]["observed"] == longValue);
  CHECK(ws[0]["message"] == "The value of the profile field \"Notes\" is 264 characters; Mastodon allows 255.");
  CHECK(ws[1]["code"] == "differs");

  // Text values count too, and a long label is named as a label; 255 exactly fits.
  r = Mastodon(json::array({Row("Website", "https://ada.example.com"), Row(std::string(256, 'L'), std::string(255, 'v'))}));
  ws = WarningsFor(r, "links");
  REQUIRE(ws.size() == 1);
  CHECK(ws[0]["message"] == "A profile field's label is 256 characters; Mastodon allows 255.");
  // Code points, not bytes.
  std::string accents;
  for (int i = 0; i < 255; ++i) accents += "\xC3\xA9";  // 255 x "é": 510 bytes
  CHECK(WarningsFor(Mastodon(json::array({Row("Website", "https://ada.example.com"), Row("Motto", accents)})), "links").empty());
  // Other sites have no such limit.
  CHECK(WarningsFor(RunCheck(AdaSnapshot(), "linkedin", {{"links", json::array({Row("Notes", longValue)})}}), "links").size() == 1);
}
