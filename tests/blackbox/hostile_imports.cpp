// Import files that are broken or not what they claim, the way a
// person meets them: through the CLI (`oneself import FILE`), each a one-line
// error naming the cause with exit status 1; and through the host's `import`
// verb, as the extension's options page sends them, each a bad_import reply
// naming the cause. Nothing crashes, the store is untouched, and the host
// answers the next request.
#include <fstream>

#include "../support/zip_builder.h"
#include "hostile_fixture.h"

using hostile::ExpectError;
using hostile::Fixture;
using nlohmann::json;

namespace {

std::filesystem::path Write(const Fixture& fx, const std::string& name, const std::string& bytes) {
  auto dir = fx.home() / "files";
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

// `oneself import FILE` fails with exit 1 and one line on stderr that names
// `cause`, and writes nothing.
void ExpectRefused(Fixture& fx, const std::filesystem::path& file, const std::string& cause) {
  // The fixture's CLI stderr file is appended to: empty it so that only this
  // run's words are judged.
  const auto errPath = fx.home() / "cli.stderr";
  std::ofstream(errPath, std::ios::trunc).close();
  auto r = fx.Cli({"import", file.string()});
  INFO("import " << file.filename().string() << " exited " << r.exitCode);
  CHECK(r.exitCode == 1);
  const std::string err = hostile::ReadAll(errPath);
  INFO("stderr: " << err.substr(0, 300));
  CHECK(err.rfind("oneself: ", 0) == 0);
  CHECK(err.find('\n') == err.size() - 1);  // one line, ended
  CHECK_THAT(err, Catch::Contains(cause));
  fx.ExpectStoreUntouched();
}

// The same through the host: `request` (format, content or files) as an
// `import` against the current revision is refused with `code` and a message
// naming `cause`; the store is untouched and the host answers the next request.
void ExpectHostRefused(Fixture& fx, json request, const std::string& cause,
                       const std::string& code = "bad_import") {
  request["id"] = "import";
  request["type"] = "import";
  request["baseRevision"] = hostile::Revision(fx.host());
  json r = fx.host().Call(request);
  ExpectError(r, {code});
  CHECK(r["id"] == "import");
  CHECK_THAT(r["error"].value("message", ""), Catch::Contains(cause));
  fx.ExpectStoreUntouched();
  fx.ExpectStillAnswers();
}

json Csv(const std::string& name, const std::string& text) {
  return {{"format", "linkedin-csv"}, {"files", {{name, text}}}};
}
json Resume(const std::string& text) { return {{"format", "jsonresume"}, {"content", text}}; }

const std::string kProfileHeader =
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n";
const std::string kPositionsHeader = "Company Name,Title,Description,Location,Started On,Finished On\r\n";

// A row of a million cells after a first name and a last name: 2 MB.
std::string MillionCellRow() {
  std::string row = "Ada,Whitfield";
  row.reserve(2'100'000);
  for (int i = 0; i < 1'000'000; ++i) row += ",x";
  return row;
}

std::string MillionColumnHeader() {
  std::string header = "c0";
  header.reserve(2'100'000);
  for (int i = 1; i < 1'000'000; ++i) header += ",c";
  return header;
}

const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\x01');
// The same bytes as a browser's FileReader.readAsText gives them to the
// options page: the byte that is not UTF-8 becomes U+FFFD.
const std::string kPngAsText = "\xef\xbf\xbdPNG\r\n\x1a\n" + kPng.substr(8);

const std::string kResume =
    R"({"basics": {"name": "Ada Whitfield", "label": "Staff Software Engineer at Lumen Labs"},
        "work": [{"name": "Lumen Labs", "position": "Staff Software Engineer", "startDate": "2021-03"}]})";

}  // namespace

TEST_CASE("hostile import: a CSV with a million columns", "[hostile]") {
  Fixture fx;
  const std::string row = MillionCellRow();
  SECTION("unrecognised header of a million columns") {
    ExpectRefused(fx, Write(fx, "Profile.csv", MillionColumnHeader() + "\r\n" + row + "\r\n"),
                  "more than 256 columns (line 1)");
  }
  SECTION("a known header, then a row of a million cells") {
    ExpectRefused(fx, Write(fx, "Profile.csv", kProfileHeader + row + "\r\n"), "more than 256 columns (line 2)");
  }
}

TEST_CASE("hostile import: an unterminated quote", "[hostile]") {
  Fixture fx;
  ExpectRefused(fx, Write(fx, "Profile.csv",
                          kProfileHeader + "Ada,Whitfield,,,,\"Staff Engineer, never closed\r\n"),
                "ends inside a quoted cell that starts (line 2)");
  ExpectRefused(fx, Write(fx, "Positions.csv",
                          kPositionsHeader + "Lumen Labs,\"Staff Software Engineer,,Boston,Mar 2021,\r\n"),
                "ends inside a quoted cell that starts (line 2)");
}

TEST_CASE("hostile import: files that are not what they claim", "[hostile]") {
  Fixture fx;
  ExpectRefused(fx, Write(fx, "resume.json", kPng), "not UTF-8");
  ExpectRefused(fx, Write(fx, "resume.json", ""), "not valid JSON");
  ExpectRefused(fx, Write(fx, "resume.json", "[1, 2, 3]"), "the top level is not an object");
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": 5}"), "basics must be an object");
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": {\"name\": [\"Ada\"]}, \"work\": \"lots\"}"),
                "basics.name must be a string");
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": {\"name\": \"Ada\"}, \"work\": [{\"name\": 5}]}"),
                "work[0].name must be a string");
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": {\"name\": \"\xff\xfe\"}}"), "not UTF-8");
  ExpectRefused(fx, Write(fx, "resume.json", std::string(20000, '[') + std::string(20000, ']')),
                "nests deeper than 64 levels");
  ExpectRefused(fx, Write(fx, "resume.json", kProfileHeader + "Ada,Whitfield\r\n"), "not valid JSON");
  ExpectRefused(fx, Write(fx, "Profile.csv", "{\"basics\": {\"name\": \"Ada\"}}"), "named .csv but holds JSON");
  ExpectRefused(fx, Write(fx, "Profile.csv", kPng), "not UTF-8");
  ExpectRefused(fx, Write(fx, "Profile.csv", ""), "Profile.csv is empty");
  ExpectRefused(fx, Write(fx, "Positions.csv", "Name,Colour\r\nAda,blue\r\n"),
                "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  ExpectRefused(fx, Write(fx, "Positions.csv", std::string("Company Name,Title\0,x\r\n", 22)),
                "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  ExpectRefused(fx, fx.home() / "files" / "does-not-exist.json", "no such file");
}

// The extension's options page sends the file's text to the host.
TEST_CASE("hostile import through the host: a CSV with a million columns", "[hostile]") {
  Fixture fx;
  const std::string row = MillionCellRow();
  ExpectHostRefused(fx, Csv("Profile.csv", MillionColumnHeader() + "\r\nAda,Whitfield\r\n"),
                    "more than 256 columns (line 1)");
  ExpectHostRefused(fx, Csv("Profile.csv", kProfileHeader + row + "\r\n"), "more than 256 columns (line 2)");
  // A single unnamed file, as `content`.
  ExpectHostRefused(fx, {{"format", "linkedin-csv"}, {"content", kProfileHeader + row + "\r\n"}},
                    "more than 256 columns (line 2)");
}

TEST_CASE("hostile import through the host: an unterminated quote", "[hostile]") {
  Fixture fx;
  ExpectHostRefused(fx, Csv("Profile.csv", kProfileHeader + "Ada,Whitfield,,,,\"Staff Engineer, never closed\r\n"),
                    "ends inside a quoted cell that starts (line 2)");
  ExpectHostRefused(fx,
                    Csv("Positions.csv", kPositionsHeader + "Lumen Labs,\"Staff Software Engineer,,Boston,Mar 2021,\r\n"),
                    "ends inside a quoted cell that starts (line 2)");
  // A good Profile.csv beside it does not carry the bad one in.
  json both = Csv("Profile.csv", kProfileHeader + "Ada,Whitfield\r\n");
  both["files"]["Positions.csv"] = kPositionsHeader + "Lumen Labs,\"Staff\r\n";
  ExpectHostRefused(fx, both, "Positions.csv: the CSV file ends inside a quoted cell");
}

TEST_CASE("hostile import through the host: files that are not what they claim", "[hostile]") {
  Fixture fx;
  // A JSON Resume that is something else.
  ExpectHostRefused(fx, Resume(kProfileHeader + "Ada,Whitfield\r\n"), "not valid JSON");
  ExpectHostRefused(fx, Resume(kPositionsHeader + "Lumen Labs,Staff,,Boston,Mar 2021,\r\n"), "not valid JSON");
  ExpectHostRefused(fx, Resume(kPngAsText), "not valid JSON");
  ExpectHostRefused(fx, Resume(""), "not valid JSON");
  ExpectHostRefused(fx, Resume("[1, 2, 3]"), "the top level is not an object");
  ExpectHostRefused(fx, Resume("{\"name\": \"Ada\"}"), "holds nothing oneself keeps");
  ExpectHostRefused(fx, Resume("{\"basics\": 5}"), "basics must be an object");
  ExpectHostRefused(fx, Resume("{\"basics\": {\"name\": \"Ada\"}, \"work\": \"lots\"}"), "work must be an array");
  ExpectHostRefused(fx, Resume(std::string(20000, '[') + std::string(20000, ']')), "nests deeper than 64 levels");
  // LinkedIn CSVs that are something else; the host knows them by their
  // header row, not their names.
  ExpectHostRefused(fx, Csv("Profile.csv", kResume), "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  ExpectHostRefused(fx, Csv("Profile.csv", kPngAsText), "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  ExpectHostRefused(fx, Csv("Profile.csv", ""), "Profile.csv is empty");
  ExpectHostRefused(fx, Csv("Positions.csv", "Name,Colour\r\nAda,blue\r\n"),
                    "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  ExpectHostRefused(fx, Csv("Positions.csv", std::string("Company Name,Title\0,x\r\n", 22)),
                    "not a LinkedIn Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  ExpectHostRefused(fx, Csv("Positions.csv", kPositionsHeader), "has a header but no position rows");
  ExpectHostRefused(fx, Csv("Positions.csv", kPositionsHeader + "Lumen Labs,Staff,,Boston,last spring,\r\n"),
                    "\"last spring\" is not a date");
  // What the options page sends when the user picks a whole export folder:
  // unknown files are skipped, and nothing left is no profile.
  json skipped = Csv("Connections.csv", "First Name,Last Name,URL\r\nBo,Lind,https://x.example\r\n");
  skipped["skipUnknown"] = true;
  ExpectHostRefused(fx, skipped, "held no profile data");

  // The well-formed file on the same host is taken: the refusals above are
  // the importer's judgement, not a request the verb never reads.
  json ok = fx.host().Call({{"id", "good"}, {"type", "import"}, {"baseRevision", hostile::Revision(fx.host())},
                            {"format", "jsonresume"}, {"content", kResume}});
  INFO("reply " << ok.dump().substr(0, 300));
  REQUIRE(ok.value("ok", false));
  CHECK(ok["result"].value("changed", false));
}

// A naive client that puts the file's raw bytes in the frame sends text that
// is not JSON: refused before the importer is reached.
TEST_CASE("hostile import through the host: raw binary bytes in the request", "[hostile]") {
  Fixture fx;
  const std::string body = R"({"id":"raw","type":"import","format":"jsonresume","baseRevision":)" +
                           std::to_string(hostile::Revision(fx.host())) + R"(,"content":")" + kPng + "\"}";
  REQUIRE(fx.host().SendBody(body));
  ExpectError(fx.host().ReadReply(), {"bad_json"});
  fx.ExpectStoreUntouched();
  fx.ExpectStillAnswers();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile import through the host: requests of the wrong shape", "[hostile]") {
  Fixture fx;
  ExpectHostRefused(fx, {{"format", "pdf"}, {"content", kResume}}, "'format'", "bad_request");
  ExpectHostRefused(fx, {{"format", "jsonresume"}}, "'content'", "bad_request");
  ExpectHostRefused(fx, {{"format", "linkedin-csv"}, {"files", json::array({kProfileHeader})}}, "'files'",
                    "bad_request");
  ExpectHostRefused(fx, {{"format", "linkedin-csv"}, {"files", json::object()}}, "'files'", "bad_request");
  ExpectHostRefused(fx, {{"format", "linkedin-csv"}, {"files", {{"Profile.csv", 5}}}}, "'files.Profile.csv'",
                    "bad_request");
  ExpectHostRefused(fx, {{"format", "linkedin-csv"}, {"files", {{"Profile.csv", kProfileHeader}}}, {"skipUnknown", "yes"}},
                    "'skipUnknown'", "bad_request");
  fx.ExpectCleanExit();
}

// LinkedIn's export arrives as a ZIP file: archives built to cost more than
// a real export (a bomb, a size that lies, a million members) or broken
// ones are refused with what is wrong, and nothing is written.
TEST_CASE("hostile import: ZIP archives", "[hostile]") {
  Fixture fx;
  using ziptest::Build;
  using ziptest::Member;
  const std::string profile = ziptest::kProfileCsv;
  if (hardening::TestingWindowsBinary()) {
    // The Windows build reads no ZIP file: a well-formed one is refused
    // unread, and nothing is written.
    ExpectRefused(fx, Write(fx, "export.zip", Build({{"Profile.csv", profile}})),
                  "export.zip: reading a ZIP file is not supported on Windows");
    return;
  }
  // 64 MiB of one byte after the header: deflate packs it about 1000:1.
  const std::string bomb = profile + std::string(64u * 1024u * 1024u, 'a');
  ExpectRefused(fx, Write(fx, "bomb.zip", Build({{"Profile.csv", bomb}})), "more than the 8 MiB oneself reads");
  // The same bomb whose headers say it is small: no more than that is
  // unpacked, and what is does not match the checksum.
  ExpectRefused(fx, Write(fx, "liar.zip", Build({{.name = "Profile.csv", .data = bomb, .sayUncompressed = 100}})),
                "Profile.csv fails its checksum");
  // Under the size limit but packed far past any text's ratio.
  ExpectRefused(fx, Write(fx, "ratio.zip", Build({{"Profile.csv", profile + std::string(4u * 1024u * 1024u, '\0')}})),
                "times its packed size: refused as a ZIP bomb");
  // Members past the count an export has (each empty and stored).
  std::vector<Member> many;
  for (int i = 0; i < 20'001; ++i) {
    std::string name = std::to_string(i);  // (not "f" + ...: GCC 12 warns falsely on it, -Wrestrict)
    many.push_back({.name = name.append(".txt"), .data = "", .deflate = false});
  }
  ExpectRefused(fx, Write(fx, "many.zip", Build(many)), "holds 20001 members, more than the 20000");
  ExpectRefused(fx, Write(fx, "locked.zip", Build({{.name = "Profile.csv", .data = profile, .flags = 1}})),
                "Profile.csv is encrypted");
  ExpectRefused(fx, Write(fx, "bzip.zip", Build({{.name = "Profile.csv", .data = profile, .deflate = false, .method = 12}})),
                "compressed with method 12");
  ExpectRefused(fx, Write(fx, "crc.zip", Build({{.name = "Profile.csv", .data = profile, .badCrc = true}})),
                "fails its checksum");
  ExpectRefused(fx, Write(fx, "twins.zip", Build({{"Profile.csv", profile}, {"old/profile.csv", profile}})),
                "two files named profile.csv");
  const std::string whole = Build(ziptest::LinkedInExport());
  ExpectRefused(fx, Write(fx, "cut.zip", whole.substr(0, whole.size() / 2)), "no central directory");
  ExpectRefused(fx, Write(fx, "holiday.zip", Build({{"IMG_0001.jpg", "not really a photo"}})),
                "holds none of Profile.csv, Positions.csv, Education.csv or Certifications.csv");
  // A member whose CSV is itself hostile is judged as the CSV would be.
  ExpectRefused(fx,
                Write(fx, "columns.zip",
                      Build({{.name = "Profile.csv", .data = kProfileHeader + MillionCellRow() + "\r\n", .deflate = false}})),
                "more than 256 columns (line 2)");
  // An archive past any export's size is refused before it is read (a
  // sparse file: no disk is spent on it).
  const auto huge = Write(fx, "huge.zip", "");
  std::filesystem::resize_file(huge, 600u * 1024u * 1024u);
  ExpectRefused(fx, huge, "huge.zip is 600 MiB, more than any LinkedIn export or resume; nothing was read");
  // A name that is not a ZIP but says it is.
  ExpectRefused(fx, Write(fx, "export.zip", kProfileHeader + "Ada,Whitfield\r\n"), "not a ZIP archive");
}

// The options page previews an import with dryRun before it sends it: the
// host answers with the changes and writes nothing; a stale base is refused.
TEST_CASE("import through the host: a dry run previews and writes nothing", "[hostile]") {
  Fixture fx;
  const json files = {{"Profile.csv", ziptest::kProfileCsv}, {"Education.csv", ziptest::kEducationCsv},
                      {"Connections.csv", "First Name,Last Name,URL\r\nBo,Lind,https://x.example\r\n"}};
  const int64_t base = hostile::Revision(fx.host());
  json r = fx.host().Call({{"id", "dry"}, {"type", "import"}, {"baseRevision", base}, {"format", "linkedin-csv"},
                           {"files", files}, {"skipUnknown", true}, {"dryRun", true}});
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  const json& result = r["result"];
  CHECK(result["dryRun"] == true);
  CHECK(result["revision"] == base);
  CHECK(result["changes"].size() > 3);
  CHECK(result["changes"][0] == json{{"field", "bio.about"}, {"from", nullptr}, {"to", "Builds quiet systems."}});
  CHECK(result["setByHand"]["headline"]["source"] == "cli");
  CHECK(result["skipped"] == json::array({"Connections.csv"}));
  fx.ExpectStoreUntouched();
  json stale = fx.host().Call({{"id", "stale"}, {"type", "import"}, {"baseRevision", base - 1},
                               {"format", "linkedin-csv"}, {"files", files}, {"skipUnknown", true}, {"dryRun", true}});
  ExpectError(stale, {"conflict"});
  fx.ExpectStoreUntouched();
  ExpectHostRefused(fx, {{"format", "linkedin-csv"}, {"files", files}, {"dryRun", "yes"}}, "'dryRun'", "bad_request");
}

// The control: the same path accepts a well-formed file, so the refusals
// above are the importer's judgement and not a missing command.
TEST_CASE("hostile import: a well-formed file is accepted (control)", "[hostile]") {
  Fixture fx;
  auto p = Write(fx, "resume.json", kResume);
  auto r = fx.Cli({"import", p.string()});
  CHECK(r.exitCode == 0);
  CHECK(hardening::VerifyReportPasses(fx.Cli({"verify", "--json"})));
  CHECK(fx.StoreFiles() != std::map<std::string, std::string>{});
}
