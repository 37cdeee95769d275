// What a resume holds besides basics and work: education and certificates,
// from JSON Resume and from LinkedIn's export, kept in the store and
// exported back; JSON Resume documents holding only other sections; files
// that are almost right (Windows-1252, ';' separators, a trailing comma).
#include <catch2/catch.hpp>

#include "../support/linkedin_export_csvs.h"
#include "importers/importers.h"
#include "store/document.h"

using nlohmann::json;
using oneself::Code;
using oneself::importers::ExportJsonResume;
using oneself::importers::ImportFile;
using oneself::importers::ImportJsonResume;
using oneself::importers::ImportLinkedInCsv;
using oneself::importers::ImportReport;

namespace {

// One document per section JSON Resume v1.0.0 defines, each as the schema
// describes it (fictional values; written here, not copied).
const json kSections = {
    {"basics", {{"name", "Ada Whitfield"}, {"phone", "+1 555 0100"}}},
    {"work", json::array({{{"name", "Lumen Labs"}, {"position", "Principal Engineer"}, {"startDate", "2021-03"},
                           {"highlights", {"Led the compiler team"}}}})},
    {"volunteer", json::array({{{"organization", "Code Club"}, {"position", "Mentor"}, {"startDate", "2019"}}})},
    {"education", json::array({{{"institution", "Northfield University"}, {"url", "https://northfield.example"},
                                {"area", "Computer Science"}, {"studyType", "Bachelor"}, {"startDate", "2012-09"},
                                {"endDate", "2016-06-30"}, {"score", "3.8"}, {"courses", {"CS101"}}}})},
    {"awards", json::array({{{"title", "Best Paper"}, {"date", "2020-05-01"}, {"awarder", "Sys Conf"}}})},
    {"certificates", json::array({{{"name", "Certified Cloud Practitioner"}, {"date", "2023-05"},
                                   {"issuer", "Cloud Guild"}, {"url", "https://certs.example/ada"}}})},
    {"publications", json::array({{{"name", "Quiet Systems"}, {"publisher", "Sys Press"}, {"releaseDate", "2021"}}})},
    {"skills", json::array({{{"name", "Compilers"}, {"level", "Master"}, {"keywords", {"LLVM"}}}})},
    {"languages", json::array({{{"language", "English"}, {"fluency", "Native speaker"}}})},
    {"interests", json::array({{{"name", "Sailing"}}})},
    {"references", json::array({{{"name", "Bo Lind"}, {"reference", "Ada is careful."}}})},
    {"projects", json::array({{{"name", "Tern"}, {"startDate", "2022-01"}, {"url", "https://tern.example"}}})},
    {"meta", {{"canonical", "https://ada.example/resume.json"}, {"version", "v1.0.0"}}},
};

}  // namespace

TEST_CASE("import: each JSON Resume section alone is a resume, imported for what oneself keeps", "[import]") {
  for (const auto& [section, value] : kSections.items()) {
    INFO(section);
    auto r = ImportJsonResume(std::string_view(json{{section, value}}.dump()));
    const bool kept = section == "basics" || section == "work" || section == "education" || section == "certificates";
    if (kept) {
      REQUIRE(r.ok());
      if (section != "basics") CHECK((*r)["profile"].contains(section));
    } else {
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == Code::kBadImport);
      // It names what the document has, and what oneself does keep.
      CHECK_THAT(r.status().message(), Catch::Contains("holds nothing oneself keeps (it has " + section + ")"));
      CHECK_THAT(r.status().message(), Catch::Contains("work, education and certificates"));
    }
  }
  // All of them together: the kept sections, the rest passed over.
  auto all = ImportJsonResume(std::string_view(kSections.dump()));
  REQUIRE(all.ok());
  const json& p = (*all)["profile"];
  CHECK(p["name"]["full"] == "Ada Whitfield");
  CHECK(p["education"] == json::array({{{"institution", "Northfield University"}, {"area", "Computer Science"},
                                        {"studyType", "Bachelor"}, {"startDate", "2012-09"},
                                        {"endDate", "2016-06-30"}}}));
  CHECK(p["certificates"] == json::array({{{"name", "Certified Cloud Practitioner"}, {"issuer", "Cloud Guild"},
                                           {"url", "https://certs.example/ada"}, {"date", "2023-05"}}}));
  CHECK_FALSE(p.contains("skills"));
  // The empty document, valid JSON Resume too, says what oneself keeps.
  auto empty = ImportJsonResume(std::string_view("{}"));
  REQUIRE_FALSE(empty.ok());
  CHECK_THAT(empty.status().message(), Catch::Contains("holds nothing oneself keeps; oneself keeps basics"));
}

TEST_CASE("import: education and certificates of the wrong shape are named", "[import]") {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"education": {"institution": "X"}})", "education must be an array"},
      {R"({"education": [{"institution": 5}]})", "education[0].institution must be a string"},
      {R"({"education": [{"startDate": "autumn"}]})", "education[0].startDate must be a date"},
      {R"({"certificates": ["AWS"]})", "certificates[0] must be an object"},
      {R"({"certificates": [{"date": "2023-13"}]})", ""},  // the store refuses the month, below
  };
  for (auto [text, says] : cases) {
    INFO(text);
    auto r = ImportJsonResume(std::string_view(text));
    if (*says == '\0') continue;
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains(says));
  }
}

TEST_CASE("store: education and certificates are validated as JSON Resume keeps them", "[store][import]") {
  json doc = oneself::store::EmptyDocument();
  doc["profile"]["education"] = json::array({{{"institution", "Northfield University"}, {"studyType", "BSc"},
                                              {"area", "Physics"}, {"startDate", "2012"}, {"endDate", "2016-06"}}});
  doc["profile"]["certificates"] = json::array({{{"name", "CCP"}, {"issuer", "Cloud Guild"}, {"date", "2023-05-02"},
                                                 {"url", "https://certs.example"}}});
  CHECK(oneself::store::ValidateDocument(doc).ok());
  json bad = doc;
  bad["profile"]["education"][0]["school"] = "X";
  CHECK(oneself::store::ValidateDocument(bad).message() == "profile.education[0].school is not a known field");
  bad = doc;
  bad["profile"]["certificates"][0]["date"] = "2023-13";
  CHECK(oneself::store::ValidateDocument(bad).message() ==
        "profile.certificates[0].date must be a date YYYY, YYYY-MM or YYYY-MM-DD");
  bad = doc;
  bad["profile"]["education"] = json::object();
  CHECK(oneself::store::ValidateDocument(bad).message() == "profile.education must be an array");
}

TEST_CASE("export: education and certificates go out under JSON Resume's names and come back", "[import][export]") {
  json doc = oneself::store::EmptyDocument();
  doc["profile"]["name"]["full"] = "Ada Whitfield";
  doc["profile"]["education"] = json::array({{{"institution", "Northfield University"}, {"startDate", "2012"}}});
  doc["profile"]["certificates"] = json::array({{{"name", "CCP"}, {"date", "2023-05"}}});
  json resume = ExportJsonResume(doc);
  CHECK(resume["education"] == doc["profile"]["education"]);
  CHECK(resume["certificates"] == doc["profile"]["certificates"]);
  CHECK_FALSE(resume["x-oneself"].contains("profile"));
  auto back = ImportJsonResume(resume);
  REQUIRE(back.ok());
  CHECK((*back)["profile"]["education"] == doc["profile"]["education"]);
  CHECK((*back)["profile"]["certificates"] == doc["profile"]["certificates"]);
}

TEST_CASE("import: LinkedIn's Education.csv and Certifications.csv", "[import][linkedin]") {
  ImportReport report;
  auto patch = ImportLinkedInCsv({{"Education.csv", ziptest::kEducationCsv},
                                  {"Certifications.csv", ziptest::kCertificationsCsv},
                                  {"Skills.csv", "Name\r\nCompilers\r\n"}},
                                 true, &report);
  INFO(patch.status().ToString());
  REQUIRE(patch.ok());
  CHECK((*patch)["profile"]["education"] ==
        json::array({{{"institution", "Northfield University"}, {"studyType", "BSc, Computer Science"},
                      {"startDate", "2012"}, {"endDate", "2016"}}}));
  CHECK((*patch)["profile"]["certificates"] ==
        json::array({{{"name", "Certified Cloud Practitioner"}, {"issuer", "Cloud Guild"},
                      {"url", "https://certs.example/ada"}, {"date", "2023-05"}}}));
  CHECK(report.read == std::vector<std::string>{"Education.csv", "Certifications.csv"});
  CHECK(report.skipped == std::vector<std::string>{"Skills.csv"});
  auto badDate = ImportLinkedInCsv(
      {{"Education.csv", "School Name,Start Date,End Date,Notes,Degree Name,Activities\r\nX,someday,,,,\r\n"}});
  REQUIRE_FALSE(badDate.ok());
  CHECK(badDate.status().message() ==
        "Education.csv row 2: Start Date \"someday\" is not a date like \"2018\" or \"Sep 2018\"");
}

TEST_CASE("import: a CSV saved in Windows-1252 is read, and the report says so", "[import][linkedin]") {
  // "Zoë Müller", "Café – Bar" in Windows-1252 (0xEB, 0xFC, 0xE9, 0x96).
  const std::string cp1252 =
      "First Name,Last Name,Headline\r\nZo\xEB,M\xFCller,Caf\xE9 \x96 Bar\r\n";
  ImportReport report;
  auto patch = ImportLinkedInCsv({{"Profile.csv", cp1252}}, false, &report);
  INFO(patch.status().ToString());
  REQUIRE(patch.ok());
  CHECK((*patch)["profile"]["name"]["full"] == "Zo\xC3\xAB M\xC3\xBCller");
  CHECK((*patch)["profile"]["headline"] == "Caf\xC3\xA9 \xE2\x80\x93 Bar");
  REQUIRE(report.notes.size() == 1);
  CHECK(report.notes[0] ==
        "Profile.csv is not UTF-8; it was read as Windows-1252 (line 2, column 3 is the first such character)");
  // A byte Windows-1252 does not define: where, and how to fix it.
  auto neither = ImportLinkedInCsv({{"Profile.csv", "First Name,Last Name,Headline\r\nAda,W\x81,x\r\n"}});
  REQUIRE_FALSE(neither.ok());
  CHECK(neither.status().message() ==
        "Profile.csv line 2, column 6: the file is not UTF-8 text, and byte 0x81 there is not "
        "Windows-1252 either; save it again as \"CSV UTF-8\" (or import LinkedIn's original file)");
}

TEST_CASE("import: a CSV separated by semicolons is read, and the report says so", "[import][linkedin]") {
  ImportReport report;
  auto patch = ImportLinkedInCsv(
      {{"Positions.csv", "Company Name;Title;Description;Location;Started On;Finished On\r\n"
                         "\"Lumen; Labs\";Principal Engineer;;Boston;Mar 2021;\r\n"}},
      false, &report);
  INFO(patch.status().ToString());
  REQUIRE(patch.ok());
  CHECK((*patch)["profile"]["work"] ==
        json::array({{{"employer", "Lumen; Labs"}, {"title", "Principal Engineer"}, {"start", "2021-03"}}}));
  CHECK(report.notes == std::vector<std::string>{
                            "Positions.csv separates its cells with ';' rather than ','; it was read that way"});
  // An unknown file with ';' stays unknown.
  auto other = ImportLinkedInCsv({{"x.csv", "A;B\r\n1;2\r\n"}});
  CHECK_FALSE(other.ok());
}

TEST_CASE("import: JSON with a trailing comma says where, and what to remove", "[import]") {
  auto r = ImportJsonResume(std::string_view("{\n  \"basics\": {\n    \"name\": \"Ada\",\n  }\n}\n"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() ==
        "the resume file is not valid JSON: line 3, column 18: a comma before '}' (a trailing comma, which JSON "
        "does not allow); remove that comma");
  auto list = ImportJsonResume(std::string_view("{\"work\": [{\"name\": \"Lumen\"},\n]}"));
  REQUIRE_FALSE(list.ok());
  CHECK_THAT(list.status().message(), Catch::Contains("line 1, column 28: a comma before ']'"));
  auto other = ImportJsonResume(std::string_view("{\"basics\": {\"name\" \"Ada\"}}"));
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message() == "the resume file is not valid JSON: line 1, column 20: expected ':' after a key");
}
