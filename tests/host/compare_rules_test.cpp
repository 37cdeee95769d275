// Each field rule with examples: what is silent, what is info, what warns,
// with the codes, severities and messages a person reads.
#include <catch2/catch.hpp>

#include "compare/title.h"
#include "compare/location.h"
#include "compare/website.h"
#include "compare_fixture.h"

using namespace compare_test;
using namespace oneself::compare;

TEST_CASE("rules: titles expand abbreviations", "[compare][rules]") {
  CHECK(TitleKey("Sr. SWE") == TitleKey("Senior Software Engineer"));
  CHECK(TitleKey("Jr Dev") == TitleKey("Junior Developer"));
  CHECK(TitleKey("Eng Mgr") == TitleKey("Engineering Manager"));
  CHECK(TitleKey("VP, Engineering") == TitleKey("Vice President of Engineering"));
  CHECK(TitleKey("CTO") == TitleKey("Chief Technology Officer"));
  CHECK(TitleKey("Co-Founder & CEO") == TitleKey("cofounder and ceo"));
  CHECK(TitleKey("Software Engineer II") == TitleKey("Software Engineer 2"));
  CHECK(TitleKey("Senior Engineer") != TitleKey("Staff Engineer"));
  CHECK(TitleKey("Product Manager") != TitleKey("Project Manager"));
}

TEST_CASE("rules: 'Title at Company' statements", "[compare][rules]") {
  for (const char* s : {"Staff Engineer at Lumen Labs", "Staff Engineer @ Lumen Labs",
                        "Staff Engineer, Lumen Labs", "Staff Engineer | Lumen Labs",
                        "Staff Engineer @Lumen Labs"}) {
    INFO(s);
    const Statement st = SplitStatement(s);
    CHECK(st.title == "Staff Engineer");
    CHECK(st.employer == "Lumen Labs");
    CHECK(st.rest.empty());
  }
  const Statement t = SplitStatement("Manager, Engineering at Acme | Hiring");
  CHECK(t.title == "Manager, Engineering");
  CHECK(t.employer == "Acme");
  CHECK(t.rest == "Hiring");
}

TEST_CASE("rules: employers without legal suffixes and a leading The", "[compare][rules]") {
  CHECK(EmployerKey("Lumen Labs, Inc.") == EmployerKey("Lumen Labs"));
  CHECK(EmployerKey("The Lumen Labs LLC") == EmployerKey("lumen labs"));
  CHECK(EmployerKey("Nestlé S.A.") == EmployerKey("Nestle"));
  CHECK(EmployerKey("Spotify AB") == EmployerKey("Spotify"));
  CHECK(EmployerKey("Siemens AG") == EmployerKey("Siemens"));
  CHECK(EmployerKey("Acme plc") == EmployerKey("ACME Corp"));
  CHECK(EmployerKey("Lumen") != EmployerKey("Lumen Labs"));
  CHECK(EmployerKey("The") == "the");  // a name that is only a suffix stays itself
}

TEST_CASE("rules: websites", "[compare][rules]") {
  const std::string key = UrlKey("https://ada.example.com");
  CHECK(UrlKey("http://www.ADA.example.com/") == key);
  CHECK(UrlKey("ada.example.com") == key);
  CHECK(UrlKey("https://ada.example.com/?utm_source=x&utm_medium=y") == key);
  CHECK(UrlKey("https://ada.example.com/?utm_source=x&page=2") == "ada.example.com?page=2");
  CHECK(UrlKey("https://ada.example.com/Blog/") == "ada.example.com/Blog");  // paths keep their case
  CHECK(IsShortenedUrl("https://t.co/abc"));
  CHECK(IsShortenedUrl("lnkd.in/xyz"));
  CHECK(IsShortenedUrl("http://bit.ly/q"));
  CHECK_FALSE(IsShortenedUrl("https://ada.example.com"));
}

TEST_CASE("rules: headline messages, severities and suggestions", "[compare][rules]") {
  json w = CheckOne("headline", "Principal Engineer at Lumen Labs");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "warning");
  CHECK(w["code"] == "differs");
  CHECK(w["message"] == "Headline differs from your canonical headline.");
  CHECK(w["canonical"] == "Staff Software Engineer at Lumen Labs");
  CHECK(w["suggestion"] == "Staff Software Engineer at Lumen Labs");
  CHECK(CheckOne("headline", "Staff SWE @ Lumen Labs").is_null());

  w = CheckOne("headline", "STAFF SOFTWARE ENGINEER AT LUMEN LABS");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
  CHECK(w["message"] == "Headline differs from your canonical headline only in letter case or accents.");

  w = CheckOne("headline", "");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "missing");
}

TEST_CASE("rules: a headline that keeps the canonical one first and adds segments is info extra",
          "[compare][rules]") {
  for (const char* added : {"Staff Software Engineer at Lumen Labs | Speaker",
                            "Staff SWE @ Lumen Labs | Streaming data | Mentor",
                            "Staff Software Engineer | Lumen Labs | Speaker"}) {
    INFO(added);
    const json w = CheckOne("headline", added);
    REQUIRE(w.is_object());
    CHECK(w["severity"] == "info");
    CHECK(w["code"] == "extra");
    CHECK(w["message"] == "Headline adds to your canonical headline.");
    CHECK(w["suggestion"] == "Staff Software Engineer at Lumen Labs");
  }
  for (const char* other : {"Speaker | Staff Software Engineer at Lumen Labs",
                            "Principal Software Engineer at Lumen Labs | Speaker",
                            "Staff Software Engineer | Speaker"}) {
    INFO(other);
    const json w = CheckOne("headline", other);
    REQUIRE(w.is_object());
    CHECK(w["severity"] == "warning");
    CHECK(w["code"] == "differs");
  }
}

TEST_CASE("rules: outdated names the month the value was replaced", "[compare][rules]") {
  json w = CheckOne("headline", "Senior Software Engineer at Lumen Labs");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  CHECK(w["severity"] == "warning");
  CHECK(w["message"] == "This was your headline until January 2023. Your canonical headline has changed since.");
  w = CheckOne("location", "Cambridge, MA");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  CHECK(w["message"].get<std::string>().find("August 2022") != std::string::npos);
  w = CheckOne("title", "Senior Software Engineer");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  CHECK(w["severity"] == "error");
  // An earlier value written another way the field's rule calls the same.
  w = CheckOne("title", "Sr. SWE");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  w = CheckOne("headline", "Sr. Software Engineer @ Lumen Labs");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  w = CheckOne("location", "Cambridge, Massachusetts");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  w = CheckOne("employer", "Brightwave");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  w = CheckOne("name", "Ada Marsh");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "outdated");
  CHECK(w["message"].get<std::string>().find("June 2019") != std::string::npos);
}

// The keys of earlier values are kept with the prepared revision after the
// first check that needs them: later checks of the same revision, with other
// observed values, must judge exactly as the first did.
TEST_CASE("rules: outdated by the field's rule is the same on every check of a revision", "[compare][rules]") {
  const oneself::store::Snapshot ada = AdaSnapshot();
  const struct {
    const char* field;
    const char* observed;
    const char* code;
  } cases[] = {
      {"headline", "Sr. Software Engineer @ Lumen Labs", "outdated"},
      {"headline", "Principal Engineer at Lumen Labs", "differs"},
      {"headline", "Senior Software Engineer, Lumen Labs", "outdated"},
      {"title", "Sr. SWE", "outdated"},
      {"title", "Principal Engineer", "differs"},
      {"title", "Senior Software Engineer", "outdated"},
      {"location", "Cambridge, Massachusetts", "outdated"},
      {"location", "Denver, CO", "differs"},
      {"location", "Cambridge, MA", "outdated"},
  };
  for (int round = 0; round < 2; ++round) {
    for (const auto& c : cases) {
      INFO(round << " " << c.field << ": " << c.observed);
      const json w = OneWarning(RunCheck(ada, "linkedin", json{{c.field, c.observed}}), c.field);
      REQUIRE(w.is_object());
      CHECK(w["code"] == c.code);
    }
  }
}

TEST_CASE("rules: names", "[compare][rules]") {
  CHECK(CheckOne("name", "Whitfield, Ada").is_null());
  CHECK(CheckOne("name", "Ada J. Whitfield").is_null());
  json w = CheckOne("name", "Addie Whitfield");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
  CHECK(w["message"] == "Name uses a nickname instead of your given name.");
  for (const char* decorated : {"Ada Whitfield 🚀", "Ada Whitfield (she/her)", "Ada Whitfield | Hiring",
                                "Ada Whitfield, PhD", "Dr. Ada Whitfield"}) {
    INFO(decorated);
    w = CheckOne("name", decorated);
    REQUIRE(w.is_object());
    CHECK(w["code"] == "extra");
    CHECK(w["severity"] == "info");
  }
  w = CheckOne("name", "Ada Whitford");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "error");
  CHECK(w["code"] == "differs");
  CHECK(w["message"] == "Name differs from your canonical name, \"Ada Whitfield\".");
  w = CheckOne("name", "ada whitfield");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
}

TEST_CASE("rules: names: the canonical full name always matches, whatever its parts say", "[compare][rules]") {
  // Parts left from another import, or from before a marriage.
  for (const json& parts : {json{{"given", "Zoë"}, {"family", "Ångström-Núñez"}},
                            json{{"given", "Ada"}, {"family", "Lovelace"}}}) {
    const auto snap = Patched({{"profile", {{"name", {{"full", "Ada King"}, {"given", parts["given"]},
                                                      {"family", parts["family"]}}}}}});
    INFO(parts.dump());
    CHECK(OneWarning(RunCheck(snap, "github", {{"name", "Ada King"}}), "name").is_null());
    CHECK(OneWarning(RunCheck(snap, "github", {{"name", "King, Ada"}}), "name").is_null());
    const json w = OneWarning(RunCheck(snap, "github", {{"name", "Ada Byron"}}), "name");
    REQUIRE(w.is_object());
    CHECK(w["severity"] == "error");
  }
  // A nickname that is part of the full name as written is the name itself.
  const auto addie = Patched({{"profile", {{"name", {{"full", "Addie Whitfield"}}}}}});
  CHECK(OneWarning(RunCheck(addie, "github", {{"name", "Addie Whitfield"}}), "name").is_null());
}

TEST_CASE("rules: names: a symbol in the canonical name is part of it", "[compare][rules]") {
  const auto flagged = Patched({{"profile", {{"name", {{"full", "Ada Ng 🇸🇪"}, {"given", "Ada"}, {"family", "Ng"}}}}}});
  CHECK(OneWarning(RunCheck(flagged, "github", {{"name", "Ada Ng 🇸🇪"}}), "name").is_null());
  // Another symbol is still a decoration.
  const json w = OneWarning(RunCheck(flagged, "github", {{"name", "Ada Ng 🚀"}}), "name");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "extra");
}

TEST_CASE("rules: employer and title severities", "[compare][rules]") {
  json w = CheckOne("employer", "Lumen Health");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "error");
  CHECK(w["message"] == "Employer differs from your canonical employer.");
  CHECK(CheckOne("employer", "Lumen Labs, Inc.").is_null());
  w = CheckOne("title", "Principal Software Engineer");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "error");
  CHECK(CheckOne("title", "Staff SWE").is_null());
}

TEST_CASE("rules: websites: shortened links cannot be verified", "[compare][rules]") {
  json w = CheckOne("website", "https://t.co/xyz");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
  CHECK(w["message"] == "Website is a shortened link; oneself cannot verify where it leads.");
  CHECK(CheckOne("website", "http://www.ada.example.com/?utm_campaign=bio").is_null());
  w = CheckOne("website", "https://ada.example.org");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "warning");
}

TEST_CASE("rules: links", "[compare][rules]") {
  const json result = RunCheck(AdaSnapshot(), "linkedin",
                               {{"links", json::array({{{"label", "Blog"}, {"url", "https://ada.example.com/blog/"}},
                                                       {{"label", "Shop"}, {"url", "https://shop.example.net"}}})}});
  const auto ws = WarningsFor(result, "links");
  REQUIRE(ws.size() == 1);
  CHECK(ws[0]["observed"] == "https://shop.example.net");
  CHECK(ws[0]["severity"] == "warning");
}

TEST_CASE("rules: bios: variants, light edits, rewrites", "[compare][rules]") {
  const auto snap = AdaSnapshot();
  const std::string shortBio = snap.doc["profile"]["bio"]["short"];
  CHECK(CheckOne("bio", shortBio, "github").is_null());
  json w = CheckOne("bio", shortBio + " Views my own.", "github");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
  CHECK(w["message"] == "Bio is a lightly edited version of your canonical bio.");
  w = CheckOne("bio", "Engineer. Runner. Baker.", "github");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "warning");
  CHECK(w["code"] == "differs");
  CHECK(w["suggestion"] == shortBio);  // the fitted bio for GitHub
}

TEST_CASE("rules: too_long counts the site's way", "[compare][rules]") {
  const std::string text212(212, 'a');
  // Two warnings on bio: too_long first, then differs.
  const auto ws = WarningsFor(RunCheck(AdaSnapshot(), "x", {{"bio", text212}}), "bio");
  REQUIRE(ws.size() == 2);
  CHECK(ws[0]["code"] == "too_long");
  CHECK(ws[0]["message"] == "Bio is 212 characters; X allows 160.");
  CHECK(ws[0]["limit"] == 160);
  CHECK(ws[0]["suggestion"] == AdaSnapshot().doc["profile"]["bio"]["short"]);  // the bio fitted to X
  // The website field is one address: its 100 count every character on X too.
  const std::string longSite = "https://ada.example.com/" + std::string(100, 'p');
  const auto siteWarnings = WarningsFor(RunCheck(AdaSnapshot(), "x", {{"website", longSite}}), "website");
  REQUIRE_FALSE(siteWarnings.empty());
  const json& site = siteWarnings[0];
  CHECK(site["code"] == "too_long");
  CHECK(site["message"] == "Website is 124 characters; X allows 100.");
  // 150 letters and a long URL: 150 + 1 + 23 on X, over 160.
  const std::string withUrl = std::string(150, 'b') + " https://ada.example.com/a/long/path";
  CHECK(WarningsFor(RunCheck(AdaSnapshot(), "x", {{"bio", withUrl}}), "bio")[0]["code"] == "too_long");
  // On GitHub the URL counts its code points: also over, 186 characters.
  CHECK(WarningsFor(RunCheck(AdaSnapshot(), "github", {{"bio", withUrl}}), "bio")[0]["message"] ==
        "Bio is 186 characters; GitHub allows 160.");
  // 250 emoji made of 4 code points each: 250 graphemes fit Bluesky's 256.
  std::string family;
  for (int i = 0; i < 250; ++i) family += "\xF0\x9F\x8F\x83\xE2\x80\x8D\xE2\x99\x80";  // 🏃‍♀
  for (const json& v : WarningsFor(RunCheck(AdaSnapshot(), "bluesky", {{"bio", family}}), "bio")) {
    CHECK(v["code"] != "too_long");
  }
  CHECK(WarningsFor(RunCheck(AdaSnapshot(), "mastodon", {{"bio", family}}), "bio")[0]["code"] == "too_long");
  // Name and location limits on X.
  CHECK(WarningsFor(RunCheck(AdaSnapshot(), "x", {{"location", "Boston, Massachusetts, United States of America"}}),
                    "location")[0]["code"] == "too_long");
}

TEST_CASE("rules: experience pairs positions and reports each difference", "[compare][rules]") {
  json positions = json::array({
      {{"title", "Staff SWE"}, {"company", "Lumen Labs"}, {"start", "2023-02"}},
      {{"title", "Senior Software Engineer"}, {"company", "Lumen Labs"}, {"start", "2021-03"}, {"end", nullptr}},
      {{"title", "Software Developer"}, {"company", "Brightwave"}, {"start", "2017-06"}, {"end", "2021-02"}},
      {{"title", "Consultant"}, {"company", "Self-employed"}, {"start", "2015-01"}, {"end", "2016-05"}},
  });
  const auto ws = WarningsFor(RunCheck(AdaSnapshot(), "linkedin", {{"experience", positions}}), "experience");
  std::map<std::string, int> codes;
  for (const json& w : ws) codes[w["code"]]++;
  CHECK(codes["not_current"] == 1);        // Senior shown as current
  CHECK(codes["differs"] == 1);            // Developer vs Engineer at Brightwave
  CHECK(codes["unknown_position"] == 1);   // Consultant
  CHECK(codes["missing_position"] == 1);   // the internship
  CHECK(ws.size() == 4);
  for (const json& w : ws) {
    if (w["code"] == "differs") {
      CHECK(w["severity"] == "error");
      CHECK(w["message"] == "LinkedIn shows the title \"Software Developer\" for your position at Brightwave Inc.; "
                            "your canonical title is \"Software Engineer\".");
    }
    if (w["code"] == "not_current") {
      CHECK(w["message"] == "LinkedIn shows \"Senior Software Engineer at Lumen Labs\" as your current position; "
                            "it ended in December 2022.");
    }
  }
}

TEST_CASE("rules: experience dates at month precision with one month of tolerance", "[compare][rules]") {
  auto run = [](const std::string& start) {
    json positions = json::array({{{"title", "Staff Software Engineer"}, {"company", "Lumen Labs"}, {"start", start}}});
    json out = json::array();
    for (const json& w : WarningsFor(RunCheck(AdaSnapshot(), "linkedin", {{"experience", positions}}), "experience")) {
      if (w["code"] != "missing_position") out.push_back(w);
    }
    return out;
  };
  CHECK(run("2023-01").empty());
  CHECK(run("2022-12").empty());
  CHECK(run("2023-02").empty());
  CHECK(run("2023").empty());
  CHECK(run("2023-01-15").empty());
  REQUIRE(run("2023-03").size() == 1);
  CHECK(run("2023-03")[0]["message"] ==
        "The start date of \"Staff Software Engineer at Lumen Labs\" is 2023-03 on LinkedIn; your canonical "
        "start date is 2023-01.");
}

TEST_CASE("rules: overrides are the site's canonical value", "[compare][rules]") {
  const auto snap = Patched({{"sites", {{"x", {{"overrides", {{"bio", "A shorter bio just for X"},
                                                              {"location", "Somerville, MA"}}}}}}}});
  CHECK(WarningsFor(RunCheck(snap, "x", {{"bio", "A shorter bio just for X"}}), "bio").empty());
  CHECK(WarningsFor(RunCheck(snap, "x", {{"location", "Somerville, MA"}}), "location").empty());
  CHECK(WarningsFor(RunCheck(snap, "x", {{"location", "Boston, MA"}}), "location").size() == 1);
  // Other sites still use the canonical profile.
  CHECK(WarningsFor(RunCheck(snap, "github", {{"location", "Boston, MA"}}), "location").empty());
}
