// Seeds a store folder with several devices' journals through the store's own
// code (store::Store::Update), in one process: what the multi-device rows of
// bench_driver measure (bench/README.md). A hundred thousand CLI processes, or
// as many framed updates through one host, would take far longer.
//
//   bench_seed_devices DIR DEVICES ENTRIES PROFILE.json
//
// Each device is a machine of its own (a made-up machine id, so a key of its
// own under local/), writing ENTRIES revisions after the devices before it:
// the canonical profile first, then headlines (and every seventh a location),
// each device having seen the others, as devices that take turns do. The last
// device is this machine (the real machine id), so a process started on the
// folder afterwards has an identity and a merged cache there, as on a machine
// in use. Run with libbench_nosync.so preloaded: fsync is then a no-op.
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "store/env.h"
#include "store/store.h"

namespace {

using nlohmann::json;
using oneself::store::Env;
using oneself::store::FileLock;
using oneself::store::FileStamp;
using oneself::store::RandomAccessFile;
namespace fs = std::filesystem;

// The POSIX Env under another machine id: another machine sharing the folder.
class OtherMachine : public Env {
 public:
  OtherMachine(Env* base, std::string id) : base_(base), id_(std::move(id)) {}
  oneself::Result<std::string> ReadFile(const fs::path& p) override { return base_->ReadFile(p); }
  oneself::Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const fs::path& p) override {
    return base_->OpenForRead(p);
  }
  oneself::Status WriteFileSync(const fs::path& p, std::string_view d) override {
    return base_->WriteFileSync(p, d);
  }
  oneself::Status AppendSync(const fs::path& p, std::string_view d) override { return base_->AppendSync(p, d); }
  oneself::Status Truncate(const fs::path& p, uint64_t n) override { return base_->Truncate(p, n); }
  oneself::Status Rename(const fs::path& a, const fs::path& b) override { return base_->Rename(a, b); }
  oneself::Status SyncDir(const fs::path& d) override { return base_->SyncDir(d); }
  oneself::Status CreateDir(const fs::path& d) override { return base_->CreateDir(d); }
  bool FileExists(const fs::path& p) override { return base_->FileExists(p); }
  oneself::Result<FileStamp> Stat(const fs::path& p) override { return base_->Stat(p); }
  oneself::Status RemoveFile(const fs::path& p) override { return base_->RemoveFile(p); }
  oneself::Result<std::vector<std::string>> ListDir(const fs::path& d) override { return base_->ListDir(d); }
  std::string MachineId() override { return id_; }
  std::string HostName() override { return id_; }
  fs::path CanonicalPath(const fs::path& p) override { return base_->CanonicalPath(p); }
  oneself::Result<std::unique_ptr<FileLock>> LockFile(const fs::path& p) override { return base_->LockFile(p); }
  std::chrono::system_clock::time_point Now() override { return base_->Now(); }

 private:
  Env* base_;
  std::string id_;
};

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "bench_seed_devices: %s\n", why.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) Die("usage: bench_seed_devices DIR DEVICES ENTRIES PROFILE.json");
  const fs::path dir = argv[1];
  const int devices = std::atoi(argv[2]);
  const long entries = std::atol(argv[3]);
  if (devices < 1 || entries < 1) Die("DEVICES and ENTRIES must be at least 1");
  json profile;
  try {
    std::ifstream f(argv[4]);
    profile = json::parse(f);
  } catch (const std::exception& e) {
    Die(std::string("cannot read the profile: ") + e.what());
  }
  for (int d = 0; d < devices; ++d) {
    const bool self = d == devices - 1;
    OtherMachine other(Env::Default(), "bench-machine-" + std::to_string(d));
    oneself::store::Store store(dir, self ? Env::Default() : &other);
    if (auto s = store.Init(); !s.ok()) Die("init: " + s.message());
    auto snap = store.Load();
    if (!snap.ok()) Die("load: " + snap.status().message());
    int64_t rev = snap->revision;
    for (long i = 0; i < entries; ++i) {
      json patch;
      if (i == 0) {
        patch = {{"profile", profile}};
      } else {
        patch = {{"profile", {{"headline", "Headline " + std::to_string(i) + " of device " +
                                               std::to_string(d) + " at Lumen Labs"}}}};
        if (i % 7 == 0)
          patch["profile"]["location"] = {{"display", "Boston, MA " + std::to_string(i % 5)}};
      }
      auto next = store.Update(rev, patch, oneself::store::Source::kCli);
      if (!next.ok()) Die("update " + std::to_string(i) + ": " + next.status().message());
      rev = next->revision;
    }
  }
  // The canonical headline and location back, on this machine's device.
  oneself::store::Store store(dir);
  auto snap = store.Load();
  if (!snap.ok()) Die("load: " + snap.status().message());
  json back = {{"profile", {{"headline", profile["headline"]}, {"location", profile["location"]}}}};
  if (auto r = store.Update(snap->revision, back, oneself::store::Source::kCli); !r.ok())
    Die("restore: " + r.status().message());
  return 0;
}
