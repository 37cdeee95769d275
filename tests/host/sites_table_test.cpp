// The site table: every site the issue names, with its limits and sources.
#include <catch2/catch.hpp>

#include "sites/site_table.h"
#include "store/document.h"

using namespace oneself::sites;

TEST_CASE("sites: all nine sites are in the table", "[sites]") {
  REQUIRE(AllSites().size() == 9);
  for (const char* id : {"linkedin", "x", "github", "facebook", "mastodon", "bluesky", "instagram", "google", "website"}) {
    INFO(id);
    const Site* s = FindSite(id);
    REQUIRE(s != nullptr);
    CHECK(s->id == id);
  }
}

// The store keeps its own list of site ids (store/document.cpp): both must agree.
TEST_CASE("sites: the store takes settings for every site of the table", "[sites]") {
  for (const Site& site : AllSites()) {
    INFO(site.id);
    nlohmann::json doc = oneself::store::EmptyDocument();
    doc["sites"][std::string(site.id)] = {{"policy", "personal"}};
    CHECK(oneself::store::ValidateDocument(doc).ok());
  }
}

TEST_CASE("sites: FindSite ignores case and knows twitter is x", "[sites]") {
  CHECK(FindSite("LinkedIn")->id == "linkedin");
  CHECK(FindSite("GITHUB")->id == "github");
  CHECK(FindSite("twitter")->id == "x");
  CHECK(FindSite("Twitter")->id == "x");
  CHECK(FindSite("myspace") == nullptr);
  CHECK(FindSite("") == nullptr);
}

TEST_CASE("sites: limits from the issue, each with a source", "[sites]") {
  struct Want {
    const char* site;
    const char* field;
    int max;
  };
  const Want wants[] = {
      {"linkedin", "firstName", 20}, {"linkedin", "lastName", 40}, {"linkedin", "headline", 220},
      {"linkedin", "bio", 2600},     {"x", "name", 50},            {"x", "bio", 160},
      {"x", "location", 30},         {"x", "website", 100},        {"github", "bio", 160},
      {"facebook", "bio", 101},      {"mastodon", "name", 30},     {"mastodon", "bio", 500},
      {"mastodon", "fields", 4},     {"mastodon", "fieldValue", 255}, {"bluesky", "name", 64},
      {"bluesky", "bio", 256},       {"instagram", "name", 30},    {"instagram", "bio", 150},
  };
  for (const Want& w : wants) {
    INFO(w.site << "." << w.field);
    const FieldLimit* l = FindLimit(*FindSite(w.site), w.field);
    REQUIRE(l != nullptr);
    CHECK(l->max == w.max);
    CHECK_FALSE(l->source.empty());
  }
  CHECK(FindLimit(*FindSite("github"), "headline") == nullptr);
}

TEST_CASE("sites: how each site counts", "[sites]") {
  CHECK(FindSite("bluesky")->counting == Counting::kGraphemes);
  CHECK(FindSite("x")->counting == Counting::kCodePointsUrl23);
  CHECK(FindSite("linkedin")->counting == Counting::kCodePoints);
  CHECK(FindSite("mastodon")->counting == Counting::kCodePoints);
}
