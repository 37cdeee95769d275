// Store::Verify: the one place that reads every journal whole. It walks each
// device's hash chain, rebuilds the merge from the files and compares it with
// the merged view this machine serves, checks this machine's own journal
// against what it wrote, names the files a sync engine left that are never
// read, and checks that the files are private (store_access.h).
#include <set>
#include <system_error>

#include "crypto/sha256.h"
#include "store/device.h"
#include "store/entry.h"
#include "store/env.h"
#include "store/journal.h"
#include "store/merge.h"
#include "store/state.h"
#include "store/store_access.h"
#include "store/store.h"
#include "store/store_merge.h"

namespace oneself::store {
namespace {

using nlohmann::json;

constexpr size_t kMaxProblems = 50;

class Problems {
 public:
  explicit Problems(std::vector<std::string>* out) : out_(out) {}
  void Add(std::string p) {
    if (out_->size() < kMaxProblems) out_->push_back(std::move(p));
  }

 private:
  std::vector<std::string>* out_;
};

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Names sync engines give the copies they make of a file two machines changed.
bool IsConflictCopy(const std::string& name) {
  return name.find(".sync-conflict-") != std::string::npos ||
         name.find("conflicted copy") != std::string::npos ||
         name.find("Conflicted copy") != std::string::npos ||
         (name.size() > 5 && name.compare(name.size() - 5, 5, ".orig") == 0);
}

// Hashes of the complete lines of a file.
std::set<std::string> LineHashes(Env* env, const std::filesystem::path& path) {
  std::set<std::string> out;
  auto text = env->ReadFile(path);
  if (!text.ok()) return out;
  size_t at = 0;
  for (size_t nl; (nl = text->find('\n', at)) != std::string::npos; at = nl + 1)
    out.insert(crypto::Sha256Hex(std::string_view(*text).substr(at, nl - at)));
  return out;
}

void CheckStrayFiles(Env* env, const std::filesystem::path& dir, Problems& problems) {
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec) && (name == ".git" || name == ".stversions" || name == "local")) {
      it.disable_recursion_pending();
      continue;
    }
    if (!IsConflictCopy(name)) continue;
    const std::string rel = std::filesystem::relative(it->path(), dir, ec).string();
    const auto journal = it->path().parent_path() / std::string(format::kJournalFile);
    std::string what = rel + " is a copy a sync engine made of a file two machines changed at once; "
                             "oneself never reads it";
    if (name.find("journal") != std::string::npos && env->FileExists(journal)) {
      auto mine = LineHashes(env, journal);
      size_t missing = 0;
      for (const auto& h : LineHashes(env, it->path())) missing += mine.count(h) ? 0 : 1;
      if (missing == 0) {
        problems.Add(what + ", and every entry it holds is in the journal beside it (fix: rm " +
                     Quote(it->path().string()) + ")");
      } else {
        problems.Add(what + ", and it holds " + std::to_string(missing) +
                     " entries the journal beside it lacks: two machines wrote as one device. "
                     "Keep the file, and on one of the machines run " +
                     std::string(kNewDeviceCommand));
      }
      continue;
    }
    problems.Add(what + " (fix: rm " + Quote(it->path().string()) + ")");
  }
}

}  // namespace

Result<VerifyReport> Store::Verify() const {
  return NoThrow<Result<VerifyReport>>([&]() -> Result<VerifyReport> {
    VerifyReport report;
    Problems problems(&report.problems);
    if (!env_->FileExists(dir_)) {
      problems.Add("there is no store at " + dir_.string() + " (fix: oneself init)");
      return report;
    }
    auto merge = Refresh();
    if (!merge.ok()) return merge.status();
    const Merge& served = **merge;
    report.revision = served.merged.revision();

    auto identity = ReadIdentity(env_, dir_);
    if (!identity.ok()) {
      problems.Add(identity.status().message());
    } else if (*identity) {
      Identity copy = **identity;
      Status s = CheckOwnJournal(env_, dir_, copy, /*repair=*/false);
      if (!s.ok()) problems.Add(s.message());
    }
    std::vector<std::filesystem::path> own = {LocalDir(env_, dir_)};
    if (identity.ok() && *identity) own.push_back(DeviceDir(dir_, (*identity)->device));
    CheckAccess(dir_, own, [&](std::string p) { problems.Add(std::move(p)); });
    CheckStrayFiles(env_, dir_, problems);
    if (env_->FileExists(PathIn(dir_, format::kProfileFile)))
      problems.Add("profile.json of the single-journal format is still in the store folder");

    for (const auto& [id, why] : served.held)
      problems.Add(why + " (fix: find the newer copy of that device's journal, or, to accept this "
                         "one, rm " + Quote(LocalDir(env_, dir_).string() + "/" +
                                            std::string(format::kMergedCacheFile)) + ")");

    // Every chain whole, and the merge rebuilt from nothing.
    Merged rebuilt;
    std::vector<std::pair<Entry, std::pair<uint64_t, std::string>>> all;
    auto ids = env_->ListDir(dir_ / std::string(format::kDevicesDir));
    if (!ids.ok()) return ids.status();
    for (const auto& id : *ids) {
      if (!IsDeviceId(id)) continue;
      const std::string name = "devices/" + id + "/journal.jsonl";
      auto text = env_->ReadFile(DeviceJournal(dir_, id));
      if (!text.ok()) {
        if (text.status().code() != Code::kNotFound) return text.status();
        continue;
      }
      std::string prev(format::kGenesisHash);
      int64_t seq = 0;
      Clock clock;
      size_t at = 0;
      for (size_t nl; (nl = text->find('\n', at)) != std::string::npos; at = nl + 1) {
        std::string_view bytes = std::string_view(*text).substr(at, nl - at);
        std::string where = name + " line " + std::to_string(seq + 1);
        auto e = DecodeEntry(bytes);
        if (!e.ok()) {
          problems.Add(where + " is not a device entry (altered)");
          break;
        }
        if (e->device != id) problems.Add(where + " names device " + e->device);
        if (e->seq != seq + 1) problems.Add(where + " has seq " + std::to_string(e->seq));
        if (e->prev != prev)
          problems.Add(where + ": the hash chain is broken: the line before it was altered or removed");
        if (seq > 0 && !(clock < e->clock)) problems.Add(where + ": its clock goes back");
        if (e->device != id || e->seq != seq + 1 || e->prev != prev) break;
        prev = crypto::Sha256Hex(bytes);
        clock = e->clock;
        ++seq;
        if (!e->changes.empty()) ++report.entries;
        all.push_back({std::move(*e), {static_cast<uint64_t>(nl + 1), prev}});
      }
      // A last line without its newline is a copy still arriving (or this
      // machine's append cut short): not a problem, and not read.
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return Later(b.first.clock, b.first.device, a.first.clock, a.first.device);
    });
    for (const auto& [e, mark] : all) rebuilt.Fold(e, mark.first, mark.second);
    if (served.held.empty() && (rebuilt.doc()["profile"] != served.merged.doc()["profile"] ||
                                rebuilt.doc()["sites"] != served.merged.doc()["sites"]))
      problems.Add("the merged profile this machine serves differs from the one the journals give "
                   "(fix: rm " + Quote(LocalDir(env_, dir_).string() + "/" +
                                       std::string(format::kMergedCacheFile)) + ")");
    return report;
  });
}

}  // namespace oneself::store
