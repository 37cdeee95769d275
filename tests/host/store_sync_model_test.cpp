// The delivery-fault model: N machines (2 to 5), each with its own store
// folder, edit fields at random while a model sync engine copies each
// device's journal between the folders the way real engines do: late, in any
// order, twice, cut short in the middle of a line, or as an older copy. From
// each seed it checks that once everything is delivered every machine shows
// the same profile and sites and the same conflicts, that no acknowledged
// entry is lost, that conflicts are exactly the fields whose latest writes
// were concurrent (by the model's own record of what each machine had seen),
// and that a rolled-back or cut copy is never merged over what was seen.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <set>

#include "store/device.h"
#include "store/leaves.h"
#include "store/store.h"
#include "store_testing.h"

namespace oneself {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// The POSIX Env without fsync (the model makes hundreds of thousands of
// writes; durability is tested elsewhere), one machine id and clock each.
class ModelEnv final : public testing::FaultEnv {
 public:
  std::chrono::system_clock::time_point clock;
  Status WriteFileSync(const fs::path& p, std::string_view data) override {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << data;
    out.close();
    fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
    return out ? Status::Ok() : Status::StoreError("cannot write " + p.string());
  }
  Status AppendSync(const fs::path& p, std::string_view data) override {
    std::ofstream out(p, std::ios::binary | std::ios::app);
    out << data;
    out.close();
    fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
    return out ? Status::Ok() : Status::StoreError("cannot append " + p.string());
  }
  Status SyncDir(const fs::path&) override { return Status::Ok(); }
  std::chrono::system_clock::time_point Now() override { return clock; }
};

#ifdef _WIN32
// No /dev/shm or mkdtemp on Windows: an ordinary temporary folder.
class ModelDir : public oneself::testing::TempDir {};
#else
// The model makes and renames many small files: in memory (/dev/shm) where
// there is one, it runs a hundred times faster than on a busy disk.
class ModelDir {
 public:
  ModelDir() {
    std::error_code ec;
    fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::string tmpl = (base / "oneself-model-XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    path_ = made != nullptr ? made : "";
  }
  ~ModelDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};
#endif

struct Machine {
  fs::path dir;
  std::unique_ptr<ModelEnv> env;
  std::unique_ptr<store::Store> store;
  std::string device;
  std::map<std::string, int64_t> seen;  // what the model says it has merged, by device
};

struct Acked {
  std::string device;
  int64_t seq;
  std::string path;  // JSON Pointer
  json value;
  std::map<std::string, int64_t> seen;  // the writer's view when it wrote
};

const std::vector<std::pair<std::string, std::vector<std::string>>> kFields = {
    {"/profile/headline", {"Engineer", "Staff Engineer", "Manager"}},
    {"/profile/email", {"a@example.com", "b@example.com"}},
    {"/profile/name/full", {"Ada Whitfield", "Ada W."}},
    {"/profile/bio/short", {"Compilers.", "Tools."}},
    {"/sites/x/policy", {"professional", "personal", "off"}},
};

json PatchFor(const std::string& pointer, const json& value) {
  json doc = {{"profile", json::object()}, {"sites", json::object()}};
  store::SetLeaf(doc, pointer, value);
  json patch = json::object();
  if (!doc["profile"].empty()) patch["profile"] = doc["profile"];
  if (!doc["sites"].empty()) patch["sites"] = doc["sites"];
  return patch;
}

int64_t CompleteLines(const std::string& text) {
  return static_cast<int64_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string OwnJournal(const Machine& m) {
  return testing::ReadAll(store::DeviceJournal(m.dir, m.device));
}

void Deliver(Machine& to, const std::string& device, const std::string& bytes) {
  fs::create_directories(store::DeviceDir(to.dir, device));
  testing::WriteAll(store::DeviceJournal(to.dir, device), bytes);
  // A sync engine's copy may keep the size and the second: tell it apart as
  // a real one would (a new inode).
  auto tmp = store::DeviceJournal(to.dir, device);
  tmp += ".new";
  testing::WriteAll(tmp, bytes);
  fs::rename(tmp, store::DeviceJournal(to.dir, device));
  const int64_t lines = CompleteLines(bytes);
  // A copy shorter than what was seen is held back, never merged.
  if (lines >= to.seen[device]) to.seen[device] = lines;
}

// The conflicts the model expects: per path, each device's latest write;
// those no other write had seen; more than one value among them.
std::set<std::string> ExpectedConflicts(const std::vector<Acked>& acked) {
  std::map<std::string, std::map<std::string, const Acked*>> latest;
  for (const auto& a : acked) {
    auto& slot = latest[a.path][a.device];
    if (!slot || slot->seq < a.seq) slot = &a;
  }
  std::set<std::string> out;
  for (const auto& [path, byDevice] : latest) {
    std::vector<const Acked*> frontier;
    for (const auto& [device, w] : byDevice) {
      bool superseded = false;
      for (const auto& [other, x] : byDevice) {
        auto it = x->seen.find(device);
        if (other != device && it != x->seen.end() && it->second >= w->seq) superseded = true;
      }
      if (!superseded) frontier.push_back(w);
    }
    for (const auto* f : frontier)
      if (f->value != frontier[0]->value) out.insert(path);
  }
  return out;
}

void RunModel(uint32_t seed) {
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  ModelDir tmp;
  const size_t n = 2 + pick(4);
  std::vector<Machine> machines(n);
  const auto epoch = std::chrono::system_clock::time_point(std::chrono::seconds(1'780'000'000));
  for (size_t i = 0; i < n; ++i) {
    Machine& m = machines[i];
    m.dir = tmp.path() / std::string("m").append(std::to_string(i));
    m.env = std::make_unique<ModelEnv>();
    m.env->machineId = std::string("machine-").append(std::to_string(i));
    // Clocks disagree by up to an hour: the merge must not trust them.
    m.env->clock = epoch + std::chrono::seconds(static_cast<int64_t>(pick(7200)) - 3600);
    m.store = std::make_unique<store::Store>(m.dir, m.env.get());
    REQUIRE(m.store->Init().ok());
    auto devices = m.store->Devices();
    REQUIRE(devices.ok());
    REQUIRE(devices->size() == 1);
    m.device = (*devices)[0].id;
    m.seen[m.device] = 1;  // its name entry
  }
  std::map<std::string, size_t> owner;
  for (size_t i = 0; i < n; ++i) owner[machines[i].device] = i;
  std::map<std::string, std::vector<std::string>> versions;  // each device's file, as it grew
  for (auto& m : machines) versions[m.device].push_back(OwnJournal(m));
  std::vector<Acked> acked;

  const size_t steps = 20 + pick(40);
  for (size_t step = 0; step < steps; ++step) {
    for (auto& m : machines) m.env->clock += std::chrono::milliseconds(pick(3000));
    const size_t roll = pick(100);
    if (roll < 45) {  // an edit
      Machine& m = machines[pick(n)];
      const auto& [path, values] = kFields[pick(kFields.size())];
      json value = pick(6) == 0 ? json() : json(values[pick(values.size())]);
      auto before = m.store->Load();
      REQUIRE(before.ok());
      auto after = m.store->Update(before->revision, PatchFor(path, value), store::Source::kCli);
      REQUIRE(after.ok());
      const std::string text = OwnJournal(m);
      if (CompleteLines(text) > m.seen[m.device]) {
        m.seen[m.device] = CompleteLines(text);
        auto seen = m.seen;
        seen.erase(m.device);
        acked.push_back({m.device, m.seen[m.device], path, value, seen});
        versions[m.device].push_back(text);
      }
    } else {  // a delivery
      const std::string device = machines[pick(n)].device;
      Machine& to = machines[pick(n)];
      if (owner[device] == static_cast<size_t>(&to - machines.data())) continue;
      const auto& history = versions[device];
      std::string bytes;
      const size_t kind = pick(10);
      if (kind < 5) bytes = history.back();                      // the latest copy
      else if (kind < 7) bytes = history[pick(history.size())];  // an older copy (a rollback)
      else {                                                     // cut short mid-line
        bytes = history.back();
        bytes.resize(pick(bytes.size() + 1));
      }
      Deliver(to, device, bytes);
      if (pick(4) == 0) Deliver(to, device, bytes);  // twice
      REQUIRE(to.store->Load().ok());
    }
  }

  // Everything arrives.
  for (auto& to : machines)
    for (auto& from : machines)
      if (&to != &from) Deliver(to, from.device, OwnJournal(from));
  const auto expected = ExpectedConflicts(acked);
  json firstDoc;
  std::set<std::string> firstConflicts;
  for (size_t i = 0; i < n; ++i) {
    Machine& m = machines[i];
    auto snap = m.store->Load();
    REQUIRE(snap.ok());
    json doc = {{"profile", snap->doc["profile"]}, {"sites", snap->doc["sites"]}};
    auto conflicts = m.store->Conflicts();
    REQUIRE(conflicts.ok());
    std::set<std::string> paths;
    for (const auto& c : *conflicts) paths.insert(c.path);
    if (i == 0) {
      firstDoc = doc;
      firstConflicts = paths;
    }
    CHECK(doc == firstDoc);
    CHECK(paths == expected);
    CHECK(snap->conflicts == static_cast<int64_t>(expected.size()));
    auto devices = m.store->Devices();
    REQUIRE(devices.ok());
    REQUIRE(devices->size() == n);
    for (const auto& a : acked) {
      auto it = std::find_if(devices->begin(), devices->end(),
                             [&](const store::DeviceInfo& d) { return d.id == a.device; });
      REQUIRE(it != devices->end());
      CHECK(it->entries >= a.seq);  // no acknowledged entry lost
    }
    auto verified = m.store->Verify();
    REQUIRE(verified.ok());
    CHECK(verified->problems == std::vector<std::string>{});
  }
  // The shown value of a field nobody wrote concurrently is its last write.
  for (const auto& [path, values] : kFields) {
    (void)values;
    if (expected.count(path)) continue;
    const Acked* last = nullptr;
    std::map<std::string, const Acked*> byDevice;
    for (const auto& a : acked)
      if (a.path == path) byDevice[a.device] = &a;
    for (const auto& [d, w] : byDevice) {
      bool superseded = false;
      for (const auto& [o, x] : byDevice)
        if (o != d && x->seen.count(d) && x->seen.at(d) >= w->seq) superseded = true;
      if (!superseded) last = w;
    }
    if (!last) continue;
    auto leaves = store::Leaves(firstDoc);
    auto it = leaves.find(path);
    CHECK((it == leaves.end() ? json() : it->second) == last->value);
  }
}

TEST_CASE("sync model: random edits and deliveries converge, lose nothing, conflict exactly where concurrent",
          "[store][sync]") {
  const char* runs = std::getenv("ONESELF_MODEL_RUNS");
  const uint32_t count = runs != nullptr ? static_cast<uint32_t>(std::atoi(runs)) : 2000;
  for (uint32_t seed = 1; seed <= count; ++seed) RunModel(seed);
}

}  // namespace
}  // namespace oneself
