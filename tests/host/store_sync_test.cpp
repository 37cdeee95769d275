// The synced layout: devices, the merge by field, conflicts, what sync
// engines deliver (torn, older, conflict copies), one machine one device,
// and the upgrade of a store of the single-journal format.
#include <catch2/catch.hpp>

#include <set>
#include <thread>

#include "store/device.h"
#include "store/store.h"
#include "store_testing.h"

namespace oneself {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using testing::FaultEnv;
using testing::ReadAll;
using testing::TempDir;
using testing::WriteAll;

struct Machine {
  Machine(const fs::path& where, const std::string& machineId) : dir(where) {
    env.machineId = machineId;
    store = std::make_unique<store::Store>(dir, &env);
    REQUIRE(store->Init().ok());
    auto devices = store->Devices();
    REQUIRE(devices.ok());
    for (const auto& d : *devices)
      if (d.self) device = d.id;
    REQUIRE(!device.empty());
  }
  Result<store::Snapshot> Set(const json& patch) {
    auto snap = store->Load();
    if (!snap.ok()) return snap.status();
    return store->Update(snap->revision, patch, store::Source::kCli);
  }
  json Shown() {
    auto snap = store->Load();
    REQUIRE(snap.ok());
    return {{"profile", snap->doc["profile"]}, {"sites", snap->doc["sites"]}};
  }
  fs::path dir;
  FaultEnv env;
  std::unique_ptr<store::Store> store;
  std::string device;
};

// What a sync engine does: the other machine's device journals arrive.
void Sync(const Machine& from, const Machine& to) {
  for (const auto& entry : fs::directory_iterator(from.dir / "devices")) {
    const auto name = entry.path().filename();
    const auto src = entry.path() / "journal.jsonl";
    if (!fs::exists(src) || name == to.device) continue;
    fs::create_directories(to.dir / "devices" / name);
    const auto tmp = to.dir / "devices" / name / "incoming.tmp";
    WriteAll(tmp, ReadAll(src));
    fs::rename(tmp, to.dir / "devices" / name / "journal.jsonl");
  }
}

TEST_CASE("sync: two stores on one machine are two devices, and different fields merge", "[store][sync]") {
  TempDir tmp;
  Machine a(tmp.path() / "a", "same-machine"), b(tmp.path() / "b", "same-machine");
  CHECK(a.device != b.device);
  REQUIRE(a.Set({{"profile", {{"headline", "Engineer"}}}}).ok());
  REQUIRE(b.Set({{"profile", {{"email", "ada@example.com"}}}}).ok());
  Sync(a, b);
  Sync(b, a);
  CHECK(a.Shown() == b.Shown());
  CHECK(a.Shown()["profile"] == json{{"headline", "Engineer"}, {"email", "ada@example.com"}});
  CHECK(a.store->Conflicts()->empty());
  CHECK(a.store->Load()->revision == 2);
  auto devices = a.store->Devices();
  REQUIRE(devices->size() == 2);
  // History has both entries, each with its device.
  auto history = b.store->History(0, 10);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 2);
  std::set<std::string> writers{(*history)[0].device, (*history)[1].device};
  CHECK(writers == std::set<std::string>{a.device, b.device});
  CHECK(a.store->Verify()->problems.empty());
  CHECK(b.store->Verify()->problems.empty());
  // Machine-local files are named for the sync engines to leave alone.
  CHECK(ReadAll(a.dir / ".stignore").find("/local\n") != std::string::npos);
  CHECK(ReadAll(a.dir / ".gitignore").find("/local/\n") != std::string::npos);
}

TEST_CASE("sync: the same field edited on two devices at once is a conflict until a later write", "[store][sync]") {
  TempDir tmp;
  Machine a(tmp.path() / "a", "m1"), b(tmp.path() / "b", "m2");
  REQUIRE(a.Set({{"profile", {{"headline", "From A"}}}}).ok());
  REQUIRE(b.Set({{"profile", {{"headline", "From B"}}}}).ok());
  Sync(a, b);
  Sync(b, a);
  CHECK(a.Shown() == b.Shown());
  auto ca = a.store->Conflicts();
  auto cb = b.store->Conflicts();
  REQUIRE(ca->size() == 1);
  REQUIRE(cb->size() == 1);
  CHECK((*ca)[0].field == "headline");
  CHECK((*ca)[0].values.size() == 2);
  CHECK((*ca)[0].values[0].value == (*cb)[0].values[0].value);
  CHECK((*ca)[0].values[0].value == a.Shown()["profile"]["headline"]);
  CHECK(a.store->Load()->conflicts == 1);
  // Setting the value already shown still resolves it: the write saw both.
  const json shown = a.Shown()["profile"]["headline"];
  REQUIRE(b.Set({{"profile", {{"headline", shown}}}}).ok());
  CHECK(b.store->Conflicts()->empty());
  Sync(b, a);
  CHECK(a.store->Conflicts()->empty());
  CHECK(a.Shown() == b.Shown());
}

TEST_CASE("sync: a torn last line is not arrived yet, and an older copy is held, not merged", "[store][sync]") {
  TempDir tmp;
  Machine a(tmp.path() / "a", "m1"), b(tmp.path() / "b", "m2");
  REQUIRE(a.Set({{"profile", {{"headline", "One"}}}}).ok());
  Sync(a, b);
  const std::string older = ReadAll(b.dir / "devices" / a.device / "journal.jsonl");
  REQUIRE(a.Set({{"profile", {{"headline", "Two"}}}}).ok());
  const std::string full = ReadAll(a.dir / "devices" / a.device / "journal.jsonl");
  const auto there = b.dir / "devices" / a.device / "journal.jsonl";
  WriteAll(there, full.substr(0, full.size() - 10));
  CHECK(b.Shown()["profile"]["headline"] == "One");
  CHECK(b.store->Verify()->problems.empty());
  WriteAll(there, full);
  CHECK(b.Shown()["profile"]["headline"] == "Two");
  // A restore of the older copy: what was seen stays, verify says why.
  fs::remove(there);
  WriteAll(there, older);
  CHECK(b.Shown()["profile"]["headline"] == "Two");
  auto report = b.store->Verify();
  REQUIRE(report.ok());
  REQUIRE(!report->problems.empty());
  CHECK(report->problems[0].find("shrank") != std::string::npos);
  // The newer copy arrives again: merging goes on.
  fs::remove(there);
  WriteAll(there, full);
  CHECK(b.store->Verify()->problems.empty());
}

TEST_CASE("sync: a device used by two machines is refused before writing, naming the fix", "[store][sync]") {
  TempDir tmp;
  Machine a(tmp.path() / "a", "m1");
  REQUIRE(a.Set({{"profile", {{"headline", "One"}}}}).ok());
  // A second machine gets a copy of the folder and of this machine's
  // identity (a restored home), and writes first.
  Machine clone(tmp.path() / "clone", "m2");
  fs::remove_all(clone.dir / "devices");
  fs::copy(a.dir / "devices", clone.dir / "devices", fs::copy_options::recursive);
  WriteAll(store::LocalDir(&clone.env, clone.dir) / "device.json",
           ReadAll(store::LocalDir(&a.env, a.dir) / "device.json"));
  clone.store = std::make_unique<store::Store>(clone.dir, &clone.env);
  REQUIRE(clone.Set({{"profile", {{"email", "clone@example.com"}}}}).ok());
  // Meanwhile the first machine writes too: both acknowledged.
  REQUIRE(a.Set({{"profile", {{"website", "https://a.example"}}}}).ok());
  // Its journal arrives at the first machine, which then tries to write.
  const auto mine = a.dir / "devices" / a.device / "journal.jsonl";
  fs::rename(mine, a.dir / "devices" / a.device / "journal.sync-conflict-20261207-101010-ABC.jsonl");
  WriteAll(mine, ReadAll(clone.dir / "devices" / a.device / "journal.jsonl"));
  const std::string before = ReadAll(mine);
  auto refused = a.Set({{"profile", {{"headline", "Two"}}}});
  REQUIRE(!refused.ok());
  CHECK(refused.status().code() == Code::kStoreError);
  CHECK(refused.status().message().find("another machine") != std::string::npos);
  CHECK(refused.status().message().find("oneself init --new-device") != std::string::npos);
  CHECK(ReadAll(mine) == before);  // nothing written
  auto report = a.store->Verify();
  REQUIRE(report.ok());
  bool namesCopy = false;
  for (const auto& p : report->problems) namesCopy = namesCopy || p.find("sync-conflict") != std::string::npos;
  CHECK(namesCopy);
  // The fix: a new device for this machine; the write then goes through.
  auto joined = a.store->InitDevice(true);
  REQUIRE(joined.ok());
  CHECK(joined->device != a.device);
  REQUIRE(a.Set({{"profile", {{"headline", "Two"}}}}).ok());
  CHECK(a.Shown()["profile"]["email"] == "clone@example.com");
  // What the first machine acknowledged, kept only in the conflict copy,
  // is written again by its new device: nothing lost.
  CHECK(a.Shown()["profile"]["website"] == "https://a.example");
}

TEST_CASE("sync: a crash mid-append is this machine's own torn line, dropped by the next write", "[store][sync]") {
  TempDir tmp;
  Machine a(tmp.path() / "a", "m1");
  a.env.tornAppend = true;
  a.env.failAt = [](const std::string& op, const fs::path&) { return op == "append"; };
  CHECK(!a.Set({{"profile", {{"headline", "Lost"}}}}).ok());
  a.env.failAt = nullptr;
  CHECK(a.store->Verify()->problems.empty());
  REQUIRE(a.Set({{"profile", {{"headline", "Kept"}}}}).ok());
  CHECK(a.Shown()["profile"]["headline"] == "Kept");
  CHECK(a.store->Verify()->problems.empty());
}

TEST_CASE("sync: a warm read re-reads no journal while none changed", "[store][sync]") {
  TempDir tmp;
  Machine a(tmp.path() / "a", "m1");
  // (std::string(...).append: GCC 12 warns wrongly on "H" + to_string.)
  for (int i = 0; i < 20; ++i)
    REQUIRE(a.Set({{"profile", {{"headline", std::string("H").append(std::to_string(i))}}}}).ok());
  // Files changed within the last moments are checked by content (a copy
  // of the same size may replace one within the clock's granularity); these
  // were written a while ago.
  for (const auto& e : fs::recursive_directory_iterator(a.dir / "devices"))
    if (e.is_regular_file()) fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::seconds(10));
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // ctime, which no one can set
  REQUIRE(a.store->Load().ok());
  const uint64_t before = a.env.TotalRead();
  for (int i = 0; i < 10; ++i) REQUIRE(a.store->Load().ok());
  CHECK(a.env.TotalRead() == before);
  // A new process starts from the cache file: it reads no journal either.
  store::Store fresh(a.dir, &a.env);
  (*a.env.bytesRead)["journal.jsonl"] = 0;
  auto snap = fresh.Load();
  REQUIRE(snap.ok());
  CHECK(snap->doc["profile"]["headline"] == "H19");
  CHECK((*a.env.bytesRead)["journal.jsonl"] == 0);
}

TEST_CASE("sync: earlier values folded afresh from the journals are those kept write by write", "[store][sync]") {
  // A fold compares only the profile fields its entry touches (merge.cpp):
  // the earlier values must come out as when every write updated them.
  TempDir tmp;
  Machine a(tmp.path() / "a", "m1");
  const json work = json::array({{{"title", "Engineer"}, {"employer", "Lumen Labs"}}});
  REQUIRE(a.Set({{"profile", {{"name", {{"full", "Ada W"}}}, {"headline", "H1"}, {"work", work},
                               {"bio", {{"short", "S1"}, {"about", "A1"}}}}}}).ok());
  REQUIRE(a.Set({{"profile", {{"headline", "H2"}}}}).ok());
  REQUIRE(a.Set({{"profile", {{"bio", {{"short", "S2"}}}}}}).ok());
  REQUIRE(a.Set({{"profile", {{"headline", "H3"}, {"name", {{"full", "Ada Whitfield"}}}}}}).ok());
  REQUIRE(a.Set({{"profile", {{"headline", "H1"}}}}).ok());  // current again: not an earlier value
  REQUIRE(a.Set({{"profile", {{"work", json::array({{{"title", "Staff Engineer"}, {"employer", "Lumen Labs"}}})}}}}).ok());
  REQUIRE(a.Set({{"profile", {{"headline", nullptr}}}}).ok());
  auto kept = a.store->Load();
  REQUIRE(kept.ok());
  const json& previous = kept->doc["previous"];
  CHECK(previous["headline"] == json::array({{{"value", "H1"}, {"until", previous["headline"][0]["until"]}},
                                             {{"value", "H3"}, {"until", previous["headline"][1]["until"]}},
                                             {{"value", "H2"}, {"until", previous["headline"][2]["until"]}}}));
  CHECK(previous["bio"].size() == 1);
  CHECK(previous["bio"][0]["value"] == "S1");
  CHECK(previous["name"][0]["value"] == "Ada W");
  CHECK(previous["title"][0]["value"] == "Engineer");
  CHECK(!previous.contains("employer"));
  // The first read of the folder on another machine folds every entry.
  Machine b(tmp.path() / "b", "m2");
  Sync(a, b);
  auto folded = b.store->Load();
  REQUIRE(folded.ok());
  CHECK(folded->doc["previous"] == previous);
  CHECK(folded->doc["profile"] == kept->doc["profile"]);
}

TEST_CASE("sync: a store of the single-journal format is upgraded on first use", "[store][sync][migration]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "home";
  fs::copy(fs::path(ONESELF_SOURCE_DIR) / "tests/fixtures/store-v1", dir, fs::copy_options::recursive);
  // As the store was: git checks the copy out 0644/0755.
  fs::permissions(dir, fs::perms::owner_all);
  for (const auto& e : fs::recursive_directory_iterator(dir))
    fs::permissions(e.path(), e.is_directory() ? fs::perms::owner_all
                                               : fs::perms::owner_read | fs::perms::owner_write);
  const json old = json::parse(ReadAll(dir / "profile.json"));
  FaultEnv env;
  store::Store st(dir, &env);
  auto snap = st.Load();
  REQUIRE(snap.ok());
  CHECK(snap->revision == old["revision"].get<int64_t>());
  CHECK(snap->doc["profile"] == old["doc"]["profile"]);
  CHECK(snap->doc["sites"] == old["doc"]["sites"]);
  CHECK(snap->doc["previous"] == old["doc"]["previous"]);
  CHECK(!fs::exists(dir / "profile.json"));
  CHECK(!fs::exists(dir / "journal.jsonl"));
  auto devices = st.Devices();
  REQUIRE(devices->size() == 1);
  const auto legacy = dir / "devices" / (*devices)[0].id / "legacy";
  CHECK(fs::exists(legacy / "profile.json"));
  CHECK(fs::exists(legacy / "journal.jsonl"));
  auto history = st.History(0, 100);
  REQUIRE(history.ok());
  CHECK(static_cast<int64_t>(history->size()) == old["revision"].get<int64_t>());
  auto report = st.Verify();
  REQUIRE(report.ok());
  CHECK(report->problems == std::vector<std::string>{});
  // And it goes on: a write, a revert to the first revision.
  REQUIRE(st.Update(snap->revision, {{"profile", {{"headline", "After the upgrade"}}}}, store::Source::kCli).ok());
  auto reverted = st.Revert(1, snap->revision + 1, store::Source::kCli);
  REQUIRE(reverted.ok());
  CHECK(st.Verify()->problems.empty());
}

}  // namespace
}  // namespace oneself
