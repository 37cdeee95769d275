// The labeled corpus (tests/corpus/*.jsonl): observed-versus-canonical pairs
// from real-world variants, each labeled "same" or "different". "Different"
// is predicted when check reports a warning or error on that field; info does
// not count. Precision and recall of "different" must be at least 0.98, on
// at least 600 pairs of which at least a third were read from pages in
// another language than English (`lang`, "en" when absent).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "compare_fixture.h"

using namespace compare_test;

namespace {

struct Case {
  std::string file;
  int line = 0;
  json data;
};

std::vector<Case> LoadCorpus() {
  std::vector<Case> cases;
  const std::filesystem::path dir = std::filesystem::path(ONESELF_SOURCE_DIR) / "tests" / "corpus";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      cases.push_back({f.filename().string(), n, json::parse(line)});
    }
  }
  return cases;
}

bool PredictDifferent(const json& c) {
  const std::string field = c["field"];
  const std::string site = c.value("site", "linkedin");
  auto snapshot = c.contains("canonical") ? Patched(c["canonical"]) : AdaSnapshot();
  if (c.contains("canonicalGray")) {
    // What photo.set stores: the hash of the canonical photo's 32x32 gray.
    const auto hash = oneself::compare::PerceptualHash(c["canonicalGray"]);
    REQUIRE(hash.ok());
    snapshot.doc["profile"]["photo"]["phash"] = *hash;
  }
  const json result = RunCheck(snapshot, site, json{{field, c["observed"]}});
  REQUIRE_FALSE(result.contains("error"));
  for (const json& w : WarningsFor(result, field)) {
    if (w["severity"] == "error" || w["severity"] == "warning") return true;
  }
  return false;
}

}  // namespace

TEST_CASE("corpus: precision and recall of 'different' are at least 0.98", "[compare][corpus]") {
  const auto cases = LoadCorpus();
  int tp = 0, fp = 0, fn = 0, tn = 0;
  std::map<std::string, int> perField;
  std::map<std::string, int> perLang;
  for (const Case& c : cases) {
    const bool actual = c.data["label"] == "different";
    REQUIRE((actual || c.data["label"] == "same"));
    perField[c.data["field"]]++;
    perLang[c.data.value("lang", "en")]++;
    const bool predicted = PredictDifferent(c.data);
    if (predicted && actual) ++tp;
    else if (predicted && !actual) ++fp;
    else if (!predicted && actual) ++fn;
    else ++tn;
    if (predicted != actual) {
      // Printed, not failed: the corpus is judged as a whole.
      std::cout << "corpus miss " << c.file << ":" << c.line << " labeled " << c.data["label"]
                << ": " << c.data["observed"].dump() << " (" << c.data.value("why", "") << ")\n";
    }
  }
  const double precision = tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp);
  const double recall = tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn);
  std::cout << "corpus: " << cases.size() << " pairs, tp " << tp << " fp " << fp << " fn " << fn
            << " tn " << tn << ", precision " << precision << ", recall " << recall << "\n";
  std::cout << "corpus: page languages";
  for (const auto& [lang, n] : perLang) std::cout << " " << lang << " " << n;
  std::cout << "\n";
  const int english = perLang["en"];
  CHECK(3 * (static_cast<int>(cases.size()) - english) >= static_cast<int>(cases.size()));
  // Every field type of check is represented.
  for (const char* field : {"name", "headline", "title", "employer", "location", "website", "links",
                            "bio", "experience", "photo"}) {
    INFO(field);
    CHECK(perField[field] >= 5);
  }
  CHECK(cases.size() >= 600);
  CHECK(precision >= 0.98);
  CHECK(recall >= 0.98);
}
