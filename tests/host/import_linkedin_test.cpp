// LinkedIn data export CSVs: recognised by header, BOM, CRLF, multi-line and
// quoted cells, dates, and hostile files.
#include <catch2/catch.hpp>

#include "importers/csv.h"
#include "importers/importers.h"

using nlohmann::json;
using oneself::Code;
using oneself::importers::ImportFile;
using oneself::importers::ImportLinkedInCsv;
using oneself::importers::ParseCsv;

namespace {

// As LinkedIn writes it: a BOM, CRLF line ends, a summary over several lines
// with commas and doubled quotes.
const std::string kProfileCsv =
    "\xEF\xBB\xBF"
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    "Ada,Whitfield,,,,Staff Software Engineer at Lumen Labs,\"I build things, mostly compilers.\r\n"
    "Previously at \"\"Old Co\"\".\r\n\r\nBased in Boston.\",Software Development,02118,"
    "\"Boston, Massachusetts, United States\",[adaw],\"[PERSONAL:https://ada.example.com,"
    "COMPANY:https://lumen.example.com]\",\r\n";

const std::string kPositionsCsv =
    "\xEF\xBB\xBF"
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    "Lumen Labs,Staff Software Engineer,\"Leads the compiler team.\r\nMentors.\",\"Boston, MA\",Mar 2021,\r\n"
    "Old Co,Senior Engineer,,,Jan 2018,Feb 2021\r\n"
    "First Job Inc,Developer,,,2015,2017\r\n";

// Files given by content alone, without names (the protocol's `content`).
std::vector<ImportFile> Unnamed(std::initializer_list<std::string_view> texts) {
  std::vector<ImportFile> files;
  for (std::string_view text : texts) files.push_back({{}, text});
  return files;
}

}  // namespace

TEST_CASE("import: LinkedIn Profile.csv and Positions.csv together", "[import][linkedin]") {
  // The order of the files does not matter: each is known by its header.
  auto patch = ImportLinkedInCsv(Unnamed({kPositionsCsv, kProfileCsv}));
  REQUIRE(patch.ok());
  const json& p = (*patch)["profile"];
  CHECK(p["name"] == json({{"given", "Ada"}, {"family", "Whitfield"}, {"full", "Ada Whitfield"}}));
  CHECK(p["headline"] == "Staff Software Engineer at Lumen Labs");
  CHECK(p["bio"]["about"] ==
        "I build things, mostly compilers.\r\nPreviously at \"Old Co\".\r\n\r\nBased in Boston.");
  CHECK(p["location"] == json({{"display", "Boston, Massachusetts, United States"}}));
  CHECK(p["website"] == "https://ada.example.com");
  REQUIRE(p["work"].size() == 3);
  CHECK(p["work"][0] == json({{"employer", "Lumen Labs"}, {"title", "Staff Software Engineer"}, {"start", "2021-03"}}));
  CHECK(p["work"][1] == json({{"employer", "Old Co"}, {"title", "Senior Engineer"}, {"start", "2018-01"}, {"end", "2021-02"}}));
  CHECK(p["work"][2] == json({{"employer", "First Job Inc"}, {"title", "Developer"}, {"start", "2015"}, {"end", "2017"}}));
}

TEST_CASE("import: LinkedIn files with LF endings, no BOM, and full month names", "[import][linkedin]") {
  std::string positions =
      "Company Name,Title,Description,Location,Started On,Finished On\n"
      "Lumen Labs,Engineer,,,September 2019,December 2020\n";
  auto patch = ImportLinkedInCsv(Unnamed({positions}));
  REQUIRE(patch.ok());
  CHECK((*patch)["profile"]["work"][0]["start"] == "2019-09");
  CHECK((*patch)["profile"]["work"][0]["end"] == "2020-12");
}

TEST_CASE("import: LinkedIn files that are not what they claim are refused", "[import][linkedin]") {
  struct Case {
    std::string text;
    std::string says;
  };
  const Case cases[] = {
      {"Name,Email\nAda,ada@example.com\n", "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv"},
      {"", "empty"},
      {"Company Name,Title,Started On\nLumen,\"Engineer\n", "ends inside a quoted cell"},
      {"Company Name,Title,Started On\nLumen,Engineer,last spring\n", "Started On \"last spring\" is not a date"},
      {"Company Name,Title,Started On\nLumen,Engineer,2020,surprise\n", "has 4 columns, the header has 3"},
      {"First Name,Last Name,Headline\n", "no profile row"},
      {"Company Name,Title,Started On\r\n", "no position rows; importing it would empty your work history"},
      {"First Name,Last Name,Headline\n\x81\x28,x,y\n", "line 2, column 1: the file is not UTF-8 text, and byte 0x81 there is not Windows-1252 either"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto r = ImportLinkedInCsv(Unnamed({c.text}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kBadImport);
    CHECK(r.status().message().find(c.says) != std::string::npos);
  }
  // Other files of the export can be passed over on request.
  auto skipped = ImportLinkedInCsv(Unnamed({"Email Address,Confirmed\nada@example.com,Yes\n", kPositionsCsv}), true);
  REQUIRE(skipped.ok());
  CHECK((*skipped)["profile"]["work"].size() == 3);
}

TEST_CASE("import: a LinkedIn export folder: other files are passed over whatever they hold", "[import][linkedin]") {
  std::string manyRows = "Date,From,Content\n";
  for (int i = 0; i < 100'001; ++i) manyRows += "2024-01-01,Ada,hi\n";
  const std::vector<ImportFile> folder = {
      {"messages.csv", "CONVERSATION ID,FROM,CONTENT\n1,Ada,\"never closed\n"},
      {"Invitations.csv", "From,To,Message\nAda,Bob,Gr\xFC\xDF Gott\n"},  // Latin-1
      {"Shares.csv", manyRows},
      {"Empty.csv", ""},
      {"Positions.csv", kPositionsCsv},
  };
  auto patch = ImportLinkedInCsv(folder, true);
  INFO(patch.status().ToString());
  REQUIRE(patch.ok());
  CHECK((*patch)["profile"]["work"].size() == 3);
  // Given on their own, each is refused, with the file's name in the message.
  for (const ImportFile& file : folder) {
    if (file.name == "Positions.csv") continue;
    INFO(file.name);
    auto r = ImportLinkedInCsv({file});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().rfind(std::string(file.name), 0) == 0);
  }
  // A profile file that is broken is refused even in a folder, and named.
  auto broken = ImportLinkedInCsv({{"Positions.csv", "Company Name,Title,Started On\nLumen,\"Engineer\n"}}, true);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message() ==
        "Positions.csv: the CSV file ends inside a quoted cell that starts (line 2)");
  auto notUtf8 = ImportLinkedInCsv({{"photo.png", "\x89PNG\r\n\x1a\n"}});
  REQUIRE_FALSE(notUtf8.ok());
  CHECK(notUtf8.status().message().rfind("photo.png: not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv: the header row", 0) == 0);
  CHECK(notUtf8.status().message().find("(and the file is not UTF-8 text)") != std::string::npos);
}

TEST_CASE("csv: the header row alone", "[import][csv]") {
  auto header = oneself::importers::ParseCsvHeader("\xEF\xBB\xBF\r\n\"First\nName\",\"Last \"\"Name\"\"\"\r\nAda,\"open");
  REQUIRE(header.ok());
  CHECK(*header == std::vector<std::string>{"First\nName", "Last \"Name\""});
  auto none = oneself::importers::ParseCsvHeader("\n\r\n");
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("csv: a million columns is refused without building them", "[import][csv]") {
  std::string wide;
  wide.reserve(2'000'000);
  for (int i = 0; i < 1'000'000; ++i) wide += "a,";
  wide += "a\n";
  auto r = ParseCsv(wide);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kBadImport);
  CHECK(r.status().message().find("more than 256 columns") != std::string::npos);
  auto viaImporter = ImportLinkedInCsv(Unnamed({wide}));
  CHECK(viaImporter.status().code() == Code::kBadImport);
}

TEST_CASE("csv: quoting rules", "[import][csv]") {
  auto rows = ParseCsv("a,\"b,c\",\"d\"\"e\",\"\"\r\n\r\n\"multi\nline\",x\"y\rlast,row");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[0] == std::vector<std::string>{"a", "b,c", "d\"e", ""});
  CHECK((*rows)[1] == std::vector<std::string>{"multi\nline", "x\"y"});
  CHECK((*rows)[2] == std::vector<std::string>{"last", "row"});
  auto unterminated = ParseCsv("a,b\n\"open,c\nd,e\n");
  REQUIRE_FALSE(unterminated.ok());
  CHECK(unterminated.status().message().find("line 2") != std::string::npos);
}
