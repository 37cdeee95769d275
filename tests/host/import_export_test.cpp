// Export to JSON Resume (schema v1.0.0) and back: the profile survives the round trip.
#include <catch2/catch.hpp>

#include "importers/importers.h"
#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::importers::ExportJsonResume;
using oneself::importers::ImportJsonResume;
using oneself::store::Source;
using oneself::store::Store;
using oneself::testing::TempDir;

namespace {

const json kProfile = {
    {"name", {{"full", "Ada Whitfield"}, {"given", "Ada"}, {"family", "Whitfield"}, {"nicknames", {"Addie"}}}},
    {"headline", "Staff Software Engineer at Lumen Labs"},
    {"bio", {{"short", "Compilers."}, {"medium", "Compilers and tools."}, {"long", "Longer."}, {"about", "Long form."}}},
    {"email", "ada@example.com"},
    {"website", "https://ada.example.com"},
    {"links", {{{"label", "Blog"}, {"url", "https://ada.example.com/blog"}}}},
    {"location", {{"display", "Greater Boston"}, {"city", "Boston"}, {"region", "MA"}, {"countryCode", "US"}}},
    {"photo", {{"sha256", std::string(64, 'a')}, {"phash", "0123456789abcdef"}}},
    {"work", {{{"employer", "Lumen Labs"}, {"title", "Staff Software Engineer"}, {"start", "2021-03"}},
              {{"employer", "Old Co"}, {"title", "Senior Engineer"}, {"start", "2018"}, {"end", "2021-02"}}}},
    {"profiles", {{{"network", "LinkedIn"}, {"username", "ada-whitfield"}, {"url", "https://www.linkedin.com/in/ada-whitfield/"}}}},
};

}  // namespace

TEST_CASE("export: JSON Resume basics and work, the rest under x-oneself", "[import][export]") {
  json doc = {{"profile", kProfile},
              {"sites", {{"x", {{"policy", "personal"}, {"overrides", {{"bio", "Short for X"}}}}}}},
              {"previous", {{"headline", {{{"value", "Old"}, {"until", "2026-01-01T00:00:00Z"}}}}}}};
  json resume = ExportJsonResume(doc);
  CHECK(resume["basics"]["name"] == "Ada Whitfield");
  CHECK(resume["basics"]["label"] == "Staff Software Engineer at Lumen Labs");
  CHECK(resume["basics"]["summary"] == "Long form.");
  CHECK(resume["basics"]["url"] == "https://ada.example.com");
  CHECK(resume["basics"]["location"] == json({{"city", "Boston"}, {"region", "MA"}, {"countryCode", "US"}}));
  CHECK(resume["work"][0] == json({{"name", "Lumen Labs"}, {"position", "Staff Software Engineer"}, {"startDate", "2021-03"}}));
  CHECK(resume["work"][1]["endDate"] == "2021-02");
  // Only basics, work, $schema and our one namespaced key at the top level.
  for (const auto& [key, value] : resume.items())
    CHECK((key == "basics" || key == "work" || key == "$schema" || key == "x-oneself"));
  CHECK_FALSE(resume["x-oneself"].contains("previous"));

  // Back through the importer, into an empty store: the same profile and sites.
  auto patch = ImportJsonResume(std::string_view(resume.dump(2)));
  REQUIRE(patch.ok());
  TempDir tmp;
  Store store(tmp.path());
  auto snap = store.Update(0, *patch, Source::kImport);
  REQUIRE(snap.ok());
  CHECK(snap->doc["profile"] == kProfile);
  CHECK(snap->doc["sites"] == doc["sites"]);
}

TEST_CASE("export: a sparse profile round-trips too", "[import][export]") {
  json profile = {{"name", {{"full", "Bo"}}}, {"location", {{"city", "Oslo"}}}, {"work", json::array()}};
  json resume = ExportJsonResume({{"profile", profile}, {"sites", json::object()}});
  auto patch = ImportJsonResume(resume);
  REQUIRE(patch.ok());
  TempDir tmp;
  Store store(tmp.path());
  auto snap = store.Update(0, *patch, Source::kImport);
  REQUIRE(snap.ok());
  CHECK(snap->doc["profile"] == profile);
  CHECK(ExportJsonResume(json::object())["basics"] == json::object());
}
