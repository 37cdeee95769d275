// CTest takes a Catch test's name as a list, cut at ';': a test whose name
// holds one is registered as two names that match nothing, and passes
// without running. Two did, unnoticed. Every test source is read here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

TEST_CASE("tests: no test name holds a semicolon, which ctest would cut", "[tests]") {
  namespace fs = std::filesystem;
  const std::regex testCase(R"re(TEST_CASE\(\s*"((?:[^"\\]|\\.)*)")re");
  int seen = 0;
  for (const char* folder : {"tests/host", "tests/blackbox", "tests/hardening"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(ONESELF_SOURCE_DIR) / folder)) {
      if (entry.path().extension() != ".cpp") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string source = text.str();
      for (std::sregex_iterator it(source.begin(), source.end(), testCase), end; it != end; ++it) {
        ++seen;
        INFO(entry.path().filename().string() << ": " << (*it)[1]);
        CHECK((*it)[1].str().find(';') == std::string::npos);
      }
    }
  }
  CHECK(seen > 100);  // the sources were found and read
}
