// JSON Resume import: the JSON Resume project's own sample (tests/fixtures/jsonresume), older key names, and files that are
// JSON but not resumes.
#include <catch2/catch.hpp>

#include "importers/importers.h"
#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::Code;
using oneself::importers::ImportJsonResume;
using oneself::testing::ReadAll;
using oneself::testing::TempDir;

TEST_CASE("import: the JSON Resume sample maps onto the profile", "[import]") {
  std::string text = ReadAll(ONESELF_THIRD_PARTY_FIXTURES "/jsonresume/sample.resume.json");
  REQUIRE_FALSE(text.empty());
  auto patch = ImportJsonResume(std::string_view(text));
  REQUIRE(patch.ok());
  const json& p = (*patch)["profile"];
  CHECK(p["name"] == json({{"full", "Richard Hendriks"}}));
  CHECK(p["headline"] == "Programmer");
  CHECK(p["email"] == "richard.hendriks@mail.com");
  CHECK(p["website"] == "http://richardhendricks.example.com");
  CHECK(p["bio"]["about"].get<std::string>().rfind("Richard hails from Tulsa.", 0) == 0);
  CHECK(p["location"] == json({{"city", "San Francisco"}, {"region", "California"},
                               {"countryCode", "US"}, {"display", "San Francisco, California"}}));
  REQUIRE(p["profiles"].size() == 2);
  CHECK(p["profiles"][0] == json({{"network", "Twitter"}, {"username", "neutralthoughts"}, {"url", "https://www.twitter.com"}}));
  REQUIRE(p["work"].size() == 1);
  CHECK(p["work"][0] == json({{"employer", "Pied Piper"}, {"title", "CEO/President"},
                              {"start", "2013-12-01"}, {"end", "2014-12-01"}}));
  // Unknown keys (phone, image, education, volunteer...) are not carried over.
  CHECK_FALSE(p.contains("phone"));
  CHECK(patch->size() == 1);

  // And the store takes it as one revision.
  TempDir tmp;
  oneself::store::Store store(tmp.path());
  auto snap = store.Update(0, *patch, oneself::store::Source::kImport);
  REQUIRE(snap.ok());
  CHECK(snap->doc["profile"]["work"][0]["employer"] == "Pied Piper");
  CHECK(store.History(0, 1)->front().source == "import");
}

TEST_CASE("import: older JSON Resume key names and an ongoing position", "[import]") {
  json resume = {{"basics", {{"name", "Ada Whitfield"}, {"website", "https://ada.example.com"},
                             {"location", {{"city", "Boston"}}}}},
                 {"work", {{{"company", "Lumen Labs"}, {"position", "Staff Engineer"},
                            {"startDate", "2021-03"}, {"endDate", ""}},
                           {{"name", "Old Co"}, {"startDate", "2015"}, {"endDate", "2021-02-28T00:00:00Z"}}}}};
  auto patch = ImportJsonResume(resume);
  REQUIRE(patch.ok());
  const json& p = (*patch)["profile"];
  CHECK(p["website"] == "https://ada.example.com");
  CHECK(p["location"]["display"] == "Boston");
  CHECK(p["work"][0] == json({{"employer", "Lumen Labs"}, {"title", "Staff Engineer"}, {"start", "2021-03"}}));
  CHECK(p["work"][1] == json({{"employer", "Old Co"}, {"start", "2015"}, {"end", "2021-02-28"}}));
}

TEST_CASE("import: JSON that is not a resume is refused with a clear message", "[import]") {
  struct Case {
    std::string text;
    std::string says;
  };
  const Case cases[] = {
      {"{\"name\": \"package\", \"version\": \"1.0.0\"}", "holds nothing oneself keeps"},
      {"[1, 2, 3]", "not an object"},
      {"\"basics\"", "not an object"},
      {"{\"basics\": \"Ada\"}", "basics must be an object"},
      {"{\"basics\": {\"name\": 42}}", "basics.name must be a string"},
      {"{\"basics\": {\"profiles\": {}}}", "basics.profiles must be an array"},
      {"{\"work\": [{\"startDate\": \"last spring\"}]}", "work[0].startDate must be a date"},
      {"{\"work\": [\"Pied Piper\"]}", "work[0] must be an object"},
      {"{\"basics\": {}, \"x-oneself\": []}", "x-oneself must be an object"},
      {"{\"basics\": {\"name\": \"Ada\"", "not valid JSON"},
      {"First Name,Last Name\nAda,Whitfield\n", "not valid JSON"},
      {"{\"basics\": {\"name\": \"\xff\xfe\"}}", "not UTF-8"},
      {"", "not valid JSON"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto r = ImportJsonResume(std::string_view(c.text));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kBadImport);
    CHECK(r.status().message().find(c.says) != std::string::npos);
  }
}

TEST_CASE("import: a deeply nested document does not crash the importer", "[import]") {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  auto r = ImportJsonResume(std::string_view(deep));
  CHECK(r.status().code() == Code::kBadImport);
  // Nesting inside a field the importer ignores is refused all the same:
  // the file is read with the protocol's depth limit, so that nothing stored
  // is deeper than a store file may be read back.
  std::string nested = "{\"basics\": {\"x\": " + std::string(50000, '[') + std::string(50000, ']') + "}}";
  auto n = ImportJsonResume(std::string_view(nested));
  CHECK(n.status().code() == Code::kBadImport);
  CHECK(n.status().message().find("nests deeper than 64 levels") != std::string::npos);
  std::string shallow = "{\"basics\": {\"name\": \"Ada\", \"x\": " + std::string(60, '[') + std::string(60, ']') + "}}";
  CHECK(ImportJsonResume(std::string_view(shallow)).ok());
}
