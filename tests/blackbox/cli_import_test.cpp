// Getting data in through the real binary: LinkedIn's export as the ZIP file
// it arrives in, the field-by-field preview and --dry-run, values set by
// hand, education and certificates in and out, and files that are almost
// right (Windows-1252, ';', a trailing comma, a GIF, WebP or HEIC photo).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <webp/encode.h>

#include "../support/zip_builder.h"
#include "cli_fixture.h"

using blackbox::Cli;
using nlohmann::json;

namespace {

json Show(Cli& cli) { return json::parse(cli.Run({"show", "--json"}).out); }

}  // namespace

TEST_CASE("import: LinkedIn's export ZIP, previewed with --dry-run, then imported", "[cli][import]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "headline", "Engineer"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "email", "ada@example.com"}).exitCode == 0);
  const std::string zip = cli.Write("Basic_LinkedInDataExport_12-07-2026.zip", ziptest::Build(ziptest::LinkedInExport()));
  const json before = Show(cli);
  if (hardening::TestingWindowsBinary()) {
    // No minizip in the Windows build: refused, with what to do instead.
    auto refused = cli.Run({"import", zip});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(cli.Err(), Catch::Contains("Basic_LinkedInDataExport_12-07-2026.zip: reading a ZIP file is not "
                                          "supported on Windows; unpack it"));
    CHECK(Show(cli) == before);
    return;
  }

  auto dry = cli.Run({"import", "--dry-run", zip});
  INFO(dry.out << cli.Err());
  REQUIRE(dry.exitCode == 0);
  CHECK_THAT(dry.out, Catch::StartsWith("Would change (nothing is written with --dry-run):\n"));
  CHECK_THAT(dry.out, Catch::Contains("  headline: \"Engineer\" \u2192 \"Principal Engineer at Lumen Labs\"\n"));
  CHECK_THAT(dry.out, Catch::Contains("  name.full: (none) \u2192 \"Ada Whitfield\"\n"));
  CHECK_THAT(dry.out, Catch::Contains("  work[1].employer: (none) \u2192 \"Harbor Analytics\"\n"));
  CHECK_THAT(dry.out, Catch::Contains("  education[0].institution: (none) \u2192 \"Northfield University\"\n"));
  CHECK_THAT(dry.out, Catch::Contains("  certificates[0].issuer: (none) \u2192 \"Cloud Guild\"\n"));
  CHECK_THAT(dry.out, Catch::Contains("Not in the files, kept: email\n"));
  CHECK_THAT(dry.out, Catch::Contains("Note: headline was set by hand (on the command line, revision 1); this "
                                      "import would replace it\n"));
  CHECK_THAT(dry.out, Catch::Contains("Passed over: Connections.csv, Email Addresses.csv, Skills.csv, Jobs/Saved Jobs.csv\n"));
  CHECK_THAT(dry.out, Catch::EndsWith("Dry run: nothing was written; the profile is at revision 2\n"));
  CHECK(Show(cli) == before);  // nothing written

  auto done = cli.Run({"import", zip});
  REQUIRE(done.exitCode == 0);
  CHECK_THAT(done.out, Catch::StartsWith("Changes:\n"));
  CHECK_THAT(done.out, Catch::Contains("this import replaced it (`oneself revert` takes the import back)\n"));
  CHECK_THAT(done.out, Catch::EndsWith("Imported linkedin-csv as revision 3\n"));
  const json after = Show(cli);
  CHECK(after["profile"]["headline"] == "Principal Engineer at Lumen Labs");
  CHECK(after["profile"]["email"] == "ada@example.com");
  CHECK(after["profile"]["work"].size() == 2);
  CHECK(after["profile"]["education"] ==
        json::array({{{"institution", "Northfield University"}, {"studyType", "BSc, Computer Science"},
                      {"startDate", "2012"}, {"endDate", "2016"}}}));
  CHECK(after["profile"]["certificates"][0]["date"] == "2023-05");

  // Imported again: nothing changes, and an import's own values are not
  // "set by hand".
  auto again = cli.Run({"import", zip});
  CHECK_THAT(again.out, !Catch::Contains("set by hand"));
  CHECK_THAT(again.out, Catch::EndsWith("Nothing changed; the profile is at revision 3\n"));

  // --json carries the same preview.
  REQUIRE(cli.Run({"set", "headline", "CTO"}).exitCode == 0);
  const json reply = json::parse(cli.Run({"import", "--dry-run", "--json", zip}).out);
  CHECK(reply["dryRun"] == true);
  CHECK(reply["changes"] == json::array({{{"field", "headline"}, {"from", "CTO"}, {"to", "Principal Engineer at Lumen Labs"}}}));
  CHECK(reply["setByHand"]["headline"]["revision"] == 4);
  CHECK(reply["setByHand"]["headline"]["source"] == "cli");
  CHECK(Show(cli)["revision"] == 4);
}

TEST_CASE("import: the complete export, its bulk far over the request limit, imports its four CSVs",
          "[cli][import]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  // About 14 MiB of messages unpacked.
  const std::string zip = cli.Write("Complete_LinkedInDataExport.zip", ziptest::Build(ziptest::LinkedInExport(110'000)));
  auto r = cli.Run({"import", zip});
  INFO(cli.Err());
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("Passed over: Connections.csv, Email Addresses.csv, Skills.csv, Jobs/Saved Jobs.csv, messages.csv\n"));
  CHECK(Show(cli)["profile"]["name"]["full"] == "Ada Whitfield");
}

TEST_CASE("import: JSON Resume education and certificates, exported back", "[cli][import]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  const std::string resume = cli.Write("resume.json", R"({
    "basics": {"name": "Ada Whitfield"},
    "education": [{"institution": "Northfield University", "area": "Physics", "studyType": "Bachelor",
                   "startDate": "2012-09", "endDate": "2016-06", "score": "3.8"}],
    "certificates": [{"name": "CCP", "issuer": "Cloud Guild", "date": "2023-05-02", "url": "https://certs.example"}],
    "skills": [{"name": "Compilers"}], "awards": [{"title": "Best Paper"}]
  })");
  REQUIRE(cli.Run({"import", resume}).exitCode == 0);
  const json exported = json::parse(cli.Run({"export"}).out);
  CHECK(exported["education"] == json::array({{{"institution", "Northfield University"}, {"area", "Physics"},
                                               {"studyType", "Bachelor"}, {"startDate", "2012-09"},
                                               {"endDate", "2016-06"}}}));
  CHECK(exported["certificates"] == json::array({{{"name", "CCP"}, {"issuer", "Cloud Guild"},
                                                  {"date", "2023-05-02"}, {"url", "https://certs.example"}}}));
  // A resume of skills alone says what oneself keeps.
  const std::string skills = cli.Write("skills.json", R"({"skills": [{"name": "Compilers"}], "meta": {"version": "1"}})");
  auto r = cli.Run({"import", skills});
  CHECK(r.exitCode == 1);
  CHECK_THAT(cli.Err(), Catch::StartsWith("oneself: the JSON Resume holds nothing oneself keeps (it has meta, "
                                          "skills); oneself keeps basics (name, label, email, url, summary, location, "
                                          "profiles), work, education and certificates"));
}

TEST_CASE("import: files that are almost right are read, or named with line and column", "[cli][import]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  // Windows-1252, as a spreadsheet on Windows saves it.
  const std::string cp1252 = cli.Write("Profile.csv", "First Name,Last Name,Headline\r\nZo\xEB,M\xFCller,Caf\xE9 \x96 Bar\r\n");
  auto r = cli.Run({"import", cp1252});
  INFO(cli.Err());
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("Note: Profile.csv is not UTF-8; it was read as Windows-1252 (line 2, column 3 "
                                    "is the first such character)\n"));
  CHECK(Show(cli)["profile"]["name"]["full"] == "Zo\xC3\xAB M\xC3\xBCller");
  // ';' between cells.
  const std::string semi = cli.Write("Positions.csv", "Company Name;Title;Description;Location;Started On;Finished On\r\n"
                                                      "Lumen Labs;Engineer;;;Mar 2021;\r\n");
  r = cli.Run({"import", semi});
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("Note: Positions.csv separates its cells with ';' rather than ','"));
  CHECK(Show(cli)["profile"]["work"][0]["employer"] == "Lumen Labs");
  // A trailing comma in JSON: where, and what to do.
  const std::string comma = cli.Write("resume.json", "{\n  \"basics\": {\"name\": \"Ada\",}\n}\n");
  r = cli.Run({"import", comma});
  CHECK(r.exitCode == 1);
  CHECK_THAT(cli.Err(), Catch::StartsWith("oneself: the resume file is not valid JSON: line 2, column 27: a comma "
                                          "before '}' (a trailing comma, which JSON does not allow); remove that "
                                          "comma"));
}

TEST_CASE("photo set: a GIF and a WebP are read, a HEIC is named with how to convert it", "[cli][photo]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  // A 1x1 GIF89a whose one pixel is palette entry 0, white.
  const std::string gif("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
                        ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;", 35);
  auto r = cli.Run({"photo", "set", cli.Write("me.gif", gif)});
  INFO(cli.Err());
  CHECK(r.exitCode == 0);
  const json afterGif = Show(cli)["profile"]["photo"];
  CHECK(afterGif.contains("phash"));
  // A 16x16 WebP, made with libwebp's own encoder: left half black, right white.
  std::vector<uint8_t> rgba(16 * 16 * 4, 255);
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 8; ++x)
      for (int c = 0; c < 3; ++c) rgba[static_cast<size_t>((y * 16 + x) * 4 + c)] = 0;
  uint8_t* encoded = nullptr;
  const size_t size = WebPEncodeLosslessRGBA(rgba.data(), 16, 16, 64, &encoded);
  REQUIRE(size > 0);
  const std::string webp(reinterpret_cast<const char*>(encoded), size);
  WebPFree(encoded);
  r = cli.Run({"photo", "set", cli.Write("me.webp", webp)});
  if (hardening::TestingWindowsBinary()) {
    // No libwebp in the Windows build: refused, with how to convert it.
    CHECK(r.exitCode == 1);
    CHECK_THAT(cli.Err(), Catch::StartsWith("oneself: me.webp: a WebP image, which oneself does not read on "
                                            "Windows; save it as JPEG or PNG"));
    CHECK(Show(cli)["profile"]["photo"] == afterGif);
  } else {
    CHECK(r.exitCode == 0);
    CHECK(Show(cli)["profile"]["photo"]["sha256"] != afterGif["sha256"]);
    // A WebP header over nothing is refused, and nothing is stored.
    r = cli.Run({"photo", "set", cli.Write("broken.webp", std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) + std::string(24, '\0'))});
    CHECK(r.exitCode == 1);
    CHECK_THAT(cli.Err(), Catch::StartsWith("oneself: broken.webp: not a JPEG, PNG, GIF or WebP image"));
  }
  const std::string heic = std::string("\0\0\0\x18" "ftypheic", 12) + std::string(32, '\0');
  r = cli.Run({"photo", "set", cli.Write("me.heic", heic)});
  CHECK(r.exitCode == 1);
  CHECK_THAT(cli.Err(), Catch::StartsWith("oneself: me.heic: a HEIC image, which oneself does not read; save it as "
                                          "JPEG or PNG (for example with an image editor's Export, or ImageMagick's "
                                          "`convert photo.heic photo.png`) and set that"));
}
