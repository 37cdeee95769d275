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
  auto path = tmp.path() / "journal.jsonl";
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
  auto path = tmp.path() / "journal.jsonl";
  auto lines = Lines(ReadAll(path));
  SECTION("the last two lines removed") {
    WriteAll(path, lines[0] + lines[1] + lines[2]);
    CHECK(HasProblem(store, "truncated"));
  }
  SECTION("cut in the middle of the last line") {
    std::string text = lines[0] + lines[1] + lines[2] + lines[3] + lines[4].substr(0, 20);
    WriteAll(path, text);
    CHECK(HasProblem(store, "truncated"));
  }
  SECTION("a line removed from the middle") {
    WriteAll(path, lines[0] + lines[1] + lines[3] + lines[4]);
    CHECK(HasProblem(store, "missing"));
    CHECK(HasProblem(store, "hash chain is broken"));
  }
  SECTION("a line duplicated") {
    WriteAll(path, lines[0] + lines[1] + lines[1] + lines[2] + lines[3] + lines[4]);
    CHECK(HasProblem(store, "appears twice"));
  }
  SECTION("emptied") {
    WriteAll(path, "");
    CHECK(HasProblem(store, "truncated"));
  }
}

TEST_CASE("journal: verify detects a profile.json that disagrees with the journal", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 3);
  auto path = tmp.path() / "profile.json";
  json p = json::parse(ReadAll(path));
  p["doc"]["profile"]["headline"] = "Forged";
  WriteAll(path, p.dump());
  CHECK(HasProblem(store, "differs from the one the journal describes"));
}

TEST_CASE("journal: verify reports wrong file modes", "[store][journal]") {
  TempDir tmp;
  Store store(tmp.path());
  MakeRevisions(store, 1);
  REQUIRE(::chmod((tmp.path() / "profile.json").c_str(), 0644) == 0);
  CHECK(HasProblem(store, "profile.json has mode 0644"));
  REQUIRE(::chmod(tmp.path().c_str(), 0755) == 0);
  CHECK(HasProblem(store, "directory has mode 0755"));
}

TEST_CASE("crash: between writing the new profile and renaming it, the old one still loads", "[store][crash]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  MakeRevisions(store, 2);
  std::string before = ReadAll(tmp.path() / "profile.json");
  env.failAt = [](const std::string& op, const std::filesystem::path& p) {
    return op == "rename" && p.filename() == "profile.json";
  };
  auto r = store.Update(2, {{"profile", {{"headline", "New"}}}}, Source::kCli);
  REQUIRE_FALSE(r.ok());
  // profile.json is untouched and whole; the new one sits in the temp file.
  CHECK(ReadAll(tmp.path() / "profile.json") == before);
  CHECK(json::parse(ReadAll(tmp.path() / "profile.json.tmp"))["revision"] == 3);
  env.failAt = nullptr;

  // The journal line was durable first, so a fresh reader rolls forward to it.
  Store fresh(tmp.path());
  auto loaded = fresh.Load();
  REQUIRE(loaded.ok());
  CHECK(loaded->revision == 3);
  CHECK(loaded->doc["profile"]["headline"] == "New");
  CHECK(loaded->doc["previous"]["headline"][0]["value"] == Headline(2));
  CHECK(fresh.Verify()->problems.empty());
  // The next writer finishes the interrupted write, then applies its own.
  auto next = fresh.Update(3, {{"profile", {{"email", "a@example.com"}}}}, Source::kCli);
  REQUIRE(next.ok());
  CHECK(next->revision == 4);
  CHECK(next->doc["profile"]["headline"] == "New");
  CHECK(fresh.Verify()->problems.empty());
  CHECK(fresh.History(0, 10)->size() == 4);
}

TEST_CASE("crash: before the journal append is durable, the old revision stands", "[store][crash]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  MakeRevisions(store, 2);
  std::string profileBefore = ReadAll(tmp.path() / "profile.json");
  env.tornAppend = GENERATE(false, true);
  env.failAt = [](const std::string& op, const std::filesystem::path&) { return op == "append"; };
  REQUIRE_FALSE(store.Update(2, {{"profile", {{"headline", "Lost"}}}}, Source::kCli).ok());
  env.failAt = nullptr;
  CHECK(ReadAll(tmp.path() / "profile.json") == profileBefore);
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

TEST_CASE("crash: a failed directory sync after the rename leaves the new revision", "[store][crash]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  MakeRevisions(store, 1);
  env.failAt = [](const std::string& op, const std::filesystem::path&) { return op == "syncdir"; };
  CHECK_FALSE(store.Update(1, {{"profile", {{"headline", "X"}}}}, Source::kCli).ok());
  env.failAt = nullptr;
  Store fresh(tmp.path());
  CHECK(fresh.Load()->revision == 2);
  CHECK(fresh.Verify()->problems.empty());
}

TEST_CASE("journal: load and a history page read only the journal's tail", "[store][journal]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  // 300 revisions of ~4 KiB lines: a journal of over a megabyte.
  std::string filler(2000, 'x');
  for (int i = 1; i <= 300; ++i) {
    std::string headline = Headline(i);
    headline += filler;
    REQUIRE(store.Update(i - 1, {{"profile", {{"headline", headline}}}}, Source::kCli).ok());
  }
  uint64_t journalSize = std::filesystem::file_size(tmp.path() / "journal.jsonl");
  REQUIRE(journalSize > 1'000'000);
  auto& read = (*env.bytesRead)["journal.jsonl"];

  read = 0;
  auto snap = store.Load();
  REQUIRE(snap.ok());
  CHECK(snap->revision == 300);
  CHECK(read < journalSize / 5);

  read = 0;
  auto page = store.History(150, 10);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 10);
  CHECK(page->front().revision == 149);
  CHECK(page->back().revision == 140);
  CHECK(read < journalSize / 4);  // a binary search: ~log2(size) probes of a line or so

  // Verify, by contrast, reads it all.
  read = 0;
  CHECK(store.Verify()->problems.empty());
  CHECK(read >= journalSize);
}
