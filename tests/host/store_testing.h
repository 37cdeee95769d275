// Helpers for the store tests: a private temporary directory, and an Env that
// counts operations and can fail ("crash") at a chosen one.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "store/env.h"

namespace oneself::testing {

class TempDir {
 public:
  // A new directory of a random name, made by create_directory (which fails
  // if the name exists), so it is ours alone, as with mkdtemp; portable to
  // the Windows test build.
  TempDir() {
    std::random_device random;
    const auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      const auto candidate = base / ("oneself-test-" + std::to_string(random()));
      std::error_code ec;
      if (!std::filesystem::create_directory(candidate, ec) || ec) continue;
      std::filesystem::permissions(candidate, std::filesystem::perms::owner_all, ec);  // 0700, as mkdtemp
      path_ = candidate;
    }
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteAll(const std::filesystem::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
}

// The folder of a store's one device (devices/<id>/), "" if it has none.
inline std::filesystem::path OnlyDeviceDir(const std::filesystem::path& store) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(store / "devices", ec))
    if (e.is_directory()) return e.path();
  return {};
}

// Verify's findings, less those only an access list kept by the file system
// would clear. Debian's Wine stores no access list on a file (it reads back
// one made from the Unix mode, which lets Everyone read): under Wine
// (tests/windows/run.sh sets ONESELF_TEST_NO_FILE_ACLS) the "is not private"
// findings are set aside and returned in `unchecked`, for the test to WARN
// about; everywhere else every finding is kept.
inline std::vector<std::string> ProblemsBesidesMissingAcls(const std::vector<std::string>& problems,
                                                           std::vector<std::string>* unchecked) {
  const char* noAcls = std::getenv("ONESELF_TEST_NO_FILE_ACLS");
  if (noAcls == nullptr || *noAcls == '\0') return problems;
  std::vector<std::string> kept;
  for (const auto& p : problems) {
    if (p.find(" is not private: ") != std::string::npos) unchecked->push_back(p);
    else kept.push_back(p);
  }
  return kept;
}

inline unsigned ModeOf(const std::filesystem::path& p) {
  std::error_code ec;
  const auto status = std::filesystem::status(p, ec);
  if (ec) return 0;
  return static_cast<unsigned>(status.permissions() & std::filesystem::perms::mask) & 0777;
}

// Delegates to the POSIX Env. `failAt` is asked before every write-side
// operation ("write", "append", "rename", "syncdir", "truncate") with the
// path; returning true makes that operation fail as if the process had died
// there. `tornAppend` writes only half of an append before failing.
class FaultEnv : public store::Env {
  class CountingFile final : public store::RandomAccessFile {
   public:
    CountingFile(std::unique_ptr<store::RandomAccessFile> file, uint64_t* counter)
        : file_(std::move(file)), counter_(counter) {}
    uint64_t Size() const override { return file_->Size(); }
    Status Read(uint64_t offset, size_t n, std::string* out) const override {
      Status s = file_->Read(offset, n, out);
      *counter_ += out->size();
      return s;
    }

   private:
    std::unique_ptr<store::RandomAccessFile> file_;
    uint64_t* counter_;
  };

 public:
  std::function<bool(const std::string& op, const std::filesystem::path& path)> failAt;
  bool tornAppend = false;
  std::optional<std::chrono::system_clock::time_point> now;
  // Set: this Env is another machine (its own device in a shared folder).
  std::optional<std::string> machineId;
  int writes = 0;  // WriteFileSync calls
  // Bytes read, whole files and through OpenForRead alike, by file name.
  std::shared_ptr<std::map<std::string, uint64_t>> bytesRead =
      std::make_shared<std::map<std::string, uint64_t>>();
  uint64_t TotalRead() const {
    uint64_t n = 0;
    for (const auto& [name, bytes] : *bytesRead) n += bytes;
    return n;
  }

  Result<std::string> ReadFile(const std::filesystem::path& p) override {
    auto got = base_->ReadFile(p);
    if (got.ok()) (*bytesRead)[p.filename().string()] += got->size();
    return got;
  }
  Result<std::unique_ptr<store::RandomAccessFile>> OpenForRead(const std::filesystem::path& p) override {
    auto file = base_->OpenForRead(p);
    if (!file.ok()) return file.status();
    return std::unique_ptr<store::RandomAccessFile>(
        new CountingFile(std::move(*file), &(*bytesRead)[p.filename().string()]));
  }
  Status WriteFileSync(const std::filesystem::path& p, std::string_view data) override {
    ++writes;
    if (Fail("write", p)) return Status::StoreError("simulated crash");
    return base_->WriteFileSync(p, data);
  }
  Status AppendSync(const std::filesystem::path& p, std::string_view data) override {
    if (Fail("append", p)) {
      if (tornAppend) (void)base_->AppendSync(p, data.substr(0, data.size() / 2));
      return Status::StoreError("simulated crash");
    }
    return base_->AppendSync(p, data);
  }
  Status Truncate(const std::filesystem::path& p, uint64_t size) override {
    if (Fail("truncate", p)) return Status::StoreError("simulated crash");
    return base_->Truncate(p, size);
  }
  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    if (Fail("rename", to)) return Status::StoreError("simulated crash");
    return base_->Rename(from, to);
  }
  Status SyncDir(const std::filesystem::path& dir) override {
    if (Fail("syncdir", dir)) return Status::StoreError("simulated crash");
    return base_->SyncDir(dir);
  }
  Status CreateDir(const std::filesystem::path& dir) override { return base_->CreateDir(dir); }
  bool FileExists(const std::filesystem::path& p) override { return base_->FileExists(p); }
  Result<std::unique_ptr<store::FileLock>> LockFile(const std::filesystem::path& p) override {
    return base_->LockFile(p);
  }
  std::chrono::system_clock::time_point Now() override { return now ? *now : base_->Now(); }
  std::string MachineId() override { return machineId ? *machineId : base_->MachineId(); }

 private:
  bool Fail(const std::string& op, const std::filesystem::path& p) { return failAt && failAt(op, p); }
  store::Env* base_ = store::Env::Default();
};

}  // namespace oneself::testing
