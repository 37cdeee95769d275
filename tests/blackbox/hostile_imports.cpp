// Import files that are broken or not what they claim (issue 7), through the
// CLI (`oneself import FILE`), the way a person meets them: each is a one-line
// error with exit status 1, nothing crashes, and the store is untouched.
#include <fstream>

#include "hostile_fixture.h"

using hostile::Fixture;

namespace {

std::filesystem::path Write(const Fixture& fx, const std::string& name, const std::string& bytes) {
  auto dir = fx.home() / "files";
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

void ExpectRefused(Fixture& fx, const std::filesystem::path& file) {
  auto r = fx.Cli({"import", file.string()});
  INFO("import " << file.filename().string() << " exited " << r.exitCode);
  CHECK(r.exitCode == 1);
  std::ifstream f(fx.home() / "cli.stderr");
  std::string err((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  INFO("stderr: " << err.substr(0, 300));
  CHECK(!err.empty());
  fx.ExpectStoreUntouched();
}

const std::string kProfileHeader =
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n";
const std::string kPositionsHeader = "Company Name,Title,Description,Location,Started On,Finished On\r\n";

}  // namespace

TEST_CASE("hostile import: a CSV with a million columns", "[hostile]") {
  Fixture fx;
  std::string row = "Ada,Whitfield";
  row.reserve(2'100'000);
  for (int i = 0; i < 1'000'000; ++i) row += ",x";
  SECTION("unrecognised header of a million columns") {
    std::string header = "c0";
    for (int i = 1; i < 1'000'000; ++i) header += ",c";
    ExpectRefused(fx, Write(fx, "Profile.csv", header + "\r\n" + row + "\r\n"));
  }
  SECTION("a known header, then a row of a million cells") {
    auto p = Write(fx, "Profile.csv", kProfileHeader + row + "\r\n");
    auto r = fx.Cli({"import", p.string()});
    // A row that does not fit its header is refused; an importer that takes
    // the cells it knows may accept it. Either way: no crash, and a store
    // that verifies.
    CHECK((r.exitCode == 0 || r.exitCode == 1));
    if (r.exitCode == 1) fx.ExpectStoreUntouched();
    CHECK(fx.Cli({"verify"}).exitCode == 0);
  }
}

TEST_CASE("hostile import: an unterminated quote", "[hostile]") {
  Fixture fx;
  ExpectRefused(fx, Write(fx, "Profile.csv",
                          kProfileHeader + "Ada,Whitfield,,,,\"Staff Engineer, never closed\r\n"));
  ExpectRefused(fx, Write(fx, "Positions.csv",
                          kPositionsHeader + "Lumen Labs,\"Staff Software Engineer,,Boston,Mar 2021,\r\n"));
}

TEST_CASE("hostile import: files that are not what they claim", "[hostile]") {
  Fixture fx;
  const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\x01');
  ExpectRefused(fx, Write(fx, "resume.json", png));
  ExpectRefused(fx, Write(fx, "resume.json", ""));
  ExpectRefused(fx, Write(fx, "resume.json", "[1, 2, 3]"));
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": 5}"));
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": {\"name\": [\"Ada\"]}, \"work\": \"lots\"}"));
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": {\"name\": \"Ada\"}, \"work\": [{\"name\": 5}]}"));
  ExpectRefused(fx, Write(fx, "resume.json", "{\"basics\": {\"name\": \"\xff\xfe\"}}"));
  ExpectRefused(fx, Write(fx, "resume.json", std::string(20000, '[') + std::string(20000, ']')));
  ExpectRefused(fx, Write(fx, "Profile.csv", "{\"basics\": {\"name\": \"Ada\"}}"));
  ExpectRefused(fx, Write(fx, "Profile.csv", png));
  ExpectRefused(fx, Write(fx, "Profile.csv", ""));
  ExpectRefused(fx, Write(fx, "Positions.csv", "Name,Colour\r\nAda,blue\r\n"));
  ExpectRefused(fx, Write(fx, "Positions.csv", std::string("Company Name,Title\0,x\r\n", 22)));
  ExpectRefused(fx, fx.home() / "files" / "does-not-exist.json");
}

// The control: the same path accepts a well-formed file, so the refusals
// above are the importer's judgement and not a missing command.
TEST_CASE("hostile import: a well-formed file is accepted (control)", "[hostile]") {
  Fixture fx;
  auto p = Write(fx, "resume.json",
                 R"({"basics": {"name": "Ada Whitfield", "label": "Staff Software Engineer at Lumen Labs"},
                     "work": [{"name": "Lumen Labs", "position": "Staff Software Engineer", "startDate": "2021-03"}]})");
  auto r = fx.Cli({"import", p.string()});
  CHECK(r.exitCode == 0);
  CHECK(fx.Cli({"verify"}).exitCode == 0);
  CHECK(fx.StoreFiles() != std::map<std::string, std::string>{});
}
