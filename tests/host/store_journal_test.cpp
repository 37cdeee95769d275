// The journal: history paging, revert, verify on tampered and truncated
// journals, and recovery from crashes at each step of a write.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::Code;
using oneself::store::Source;
using oneself::store::Store;
using oneself::testing::FaultEnv;
using oneself::testing::ReadAll;
using oneself::testing::TempDir;
using oneself::testing::WriteAll;

namespace {

std::string Headline(int i) {
  std::string h = "Headline ";
  h += std::to_string(i);
  return h;
}

// Makes revisions 1..n, revision i setting the headline to Headline(i).
void MakeRevisions(Store& store, int n) {
  for (int i = 1; i <= n; ++i) {
    auto r = store.Update(i - 1, {{"profile", {{"headline", Headline(i)}}}}, Source::kCli);
    REQUIRE(r.ok());
    REQUIRE(r->revision == i);
  }
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start + 1));
  return out;
}

bool HasProblem(const Store& store, const std::string& needle) {
  auto report = store.Verify();
  REQUIRE(report.ok());
  for (const auto& p : report->problems)
    if (p.find(needle) != std::string::npos) return true;
  INFO("problems: " << json(report->problems).dump());
  return false;
}

}  // namespace

TEST_CASE("journal: history pages newest first", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 25);
  auto first = store.History(0, 10);
  REQUIRE(first.ok());
  REQUIRE(first->size() == 10);
  CHECK(first->front().revision == 25);
  CHECK(first->back().revision == 16);
  CHECK(first->front().source == "cli");
  CHECK(first->front().changes["headline"]["from"] == Headline(24));
  CHECK(first->front().changes["headline"]["to"] == Headline(25));
  // Page by page down to the oldest.
  std::vector<int64_t> seen;
  int64_t before = 0;
  for (;;) {
    auto page = store.History(before, 7);
    REQUIRE(page.ok());
    if (page->empty()) break;
    for (const auto& e : *page) seen.push_back(e.revision);
    before = page->back().revision;
  }
  REQUIRE(seen.size() == 25);
  for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == 25 - static_cast<int64_t>(i));
  CHECK(store.History(1, 10)->empty());
  CHECK(store.History(1000, 3)->front().revision == 25);
  CHECK(store.History(13, 2)->front().revision == 12);
  CHECK(store.History(0, 0)->empty());
}

TEST_CASE("journal: revert makes a new revision equal to the old one", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 3);
  REQUIRE(store.Update(3, {{"profile", {{"email", "ada@example.com"}}}, {"sites", {{"x", {{"policy", "off"}}}}}}, Source::kCli).ok());
  auto at2 = store.Load()->doc;  // compare against revision 2's content below
  auto reverted = store.Revert(2, 4, Source::kCli);
  REQUIRE(reverted.ok());
  CHECK(reverted->revision == 5);
  CHECK(reverted->doc["profile"] == json({{"headline", Headline(2)}}));
  CHECK(reverted->doc["sites"] == json::object());
  auto history = store.History(0, 1);
  REQUIRE(history->front().revertedTo.has_value());
  CHECK(*history->front().revertedTo == 2);
  // Reverting to revision 0 empties the profile; stale base is a conflict.
  CHECK(store.Revert(0, 4, Source::kCli).status().code() == Code::kConflict);
  CHECK(store.Revert(9, 5, Source::kCli).status().code() == Code::kNotFound);
  auto empty = store.Revert(0, 5, Source::kCli);
  REQUIRE(empty.ok());
  CHECK(empty->doc["profile"] == json::object());
  // And forward again to revision 4's content.
  auto again = store.Revert(4, 6, Source::kCli);
  REQUIRE(again.ok());
  CHECK(again->doc["profile"] == at2["profile"]);
  CHECK(again->doc["sites"] == at2["sites"]);
  CHECK(store.Verify()->problems.empty());
}

TEST_CASE("journal: verify passes on a sound store and reports its size", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 5);
  auto report = store.Verify();
  REQUIRE(report.ok());
  CHECK(report->problems.empty());
  CHECK(report->entries == 5);
  CHECK(report->revision == 5);
}

TEST_CASE("journal: verify detects an altered line", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 5);
  auto path = oneself::testing::OnlyDeviceDir(tmp.path()) / "journal.jsonl";
  std::string text = ReadAll(path);
  auto pos = text.find(Headline(3));
  REQUIRE(pos != std::string::npos);
  text.replace(pos, Headline(3).size(), "Headline 9");
  WriteAll(path, text);
  CHECK(HasProblem(store, "hash chain is broken"));
}

TEST_CASE("journal: verify detects a truncated journal", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 5);
  auto path = oneself::testing::OnlyDeviceDir(tmp.path()) / "journal.jsonl";
  auto lines = Lines(ReadAll(path));
  // The device's journal: its name entry, then the five revisions.
  REQUIRE(lines.size() == 6);
  const std::string name = lines[0];
  lines.erase(lines.begin());
  SECTION("the last two lines removed") {
    WriteAll(path, name + lines[0] + lines[1] + lines[2]);
    CHECK(HasProblem(store, "shrank"));
  }
  SECTION("cut in the middle of the last line") {
    std::string text = name + lines[0] + lines[1] + lines[2] + lines[3] + lines[4].substr(0, 20);
    WriteAll(path, text);
    CHECK(HasProblem(store, "shrank"));
  }
  SECTION("a line removed from the middle") {
    WriteAll(path, name + lines[0] + lines[1] + lines[3] + lines[4]);
    CHECK(HasProblem(store, "has seq"));
    CHECK(HasProblem(store, "hash chain is broken"));
  }
  SECTION("a line duplicated") {
    WriteAll(path, name + lines[0] + lines[1] + lines[1] + lines[2] + lines[3] + lines[4]);
    CHECK(HasProblem(store, "has seq"));
  }
  SECTION("emptied") {
    WriteAll(path, name);
    CHECK(HasProblem(store, "shrank"));
  }
}

TEST_CASE("journal: verify reports wrong file modes", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 1);
  REQUIRE(::chmod((oneself::testing::OnlyDeviceDir(tmp.path()) / "journal.jsonl").c_str(), 0644) == 0);
  CHECK(HasProblem(store, "journal.jsonl has mode 0644"));
  REQUIRE(::chmod(tmp.path().c_str(), 0755) == 0);
  CHECK(HasProblem(store, "directory has mode 0755"));
}

TEST_CASE("crash: before the journal append is durable, the old revision stands", "[store][crash]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  MakeRevisions(store, 2);
  const auto journal = oneself::testing::OnlyDeviceDir(tmp.path()) / "journal.jsonl";
  const std::string journalBefore = ReadAll(journal);
  env.tornAppend = GENERATE(false, true);
  env.failAt = [](const std::string& op, const std::filesystem::path&) { return op == "append"; };
  REQUIRE_FALSE(store.Update(2, {{"profile", {{"headline", "Lost"}}}}, Source::kCli).ok());
  env.failAt = nullptr;
  // Nothing but (perhaps) a torn line after what was there.
  CHECK(ReadAll(journal).substr(0, journalBefore.size()) == journalBefore);
  Store fresh(tmp.path());
  auto loaded = fresh.Load();
  REQUIRE(loaded.ok());
  CHECK(loaded->revision == 2);
  CHECK(loaded->doc["profile"]["headline"] == Headline(2));
  // A torn last line is an interrupted write, not tampering.
  CHECK(fresh.Verify()->problems.empty());
  // The next write drops the partial line and goes on.
  auto next = fresh.Update(2, {{"profile", {{"headline", "Kept"}}}}, Source::kCli);
  REQUIRE(next.ok());
  CHECK(next->revision == 3);
  CHECK(fresh.Verify()->problems.empty());
  CHECK(fresh.History(0, 1)->front().changes["headline"]["to"] == "Kept");
}

