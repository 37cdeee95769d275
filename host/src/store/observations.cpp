// Observations: the last values seen on each site, one file per site in
// this machine's device folder, devices/<id>/observations/ (<site>.json):
// each machine writes its own, so a synced folder never has two writers. Not revisioned and not journaled: they
// are a cache of what the pages showed, rebuilt by the next `check`.
//
// One file per site because `check` records one on every view of a profile:
// it reads (and sometimes rewrites) only its own site's few kilobytes, not
// every site's. `check` also runs on every keystroke in edit mode, so an
// observation identical to the last one for that site and younger than
// format::kObservationRefreshSeconds is not written again.
//
// Stores written before the split kept all sites in observations.json (moved
// into the device folder by the upgrade to the synced layout); it is still read, and the first observation recorded moves it into the
// per-site files.
#include <chrono>
#include <system_error>

#include "json/parse.h"
#include "json/write.h"
#include "store/device.h"
#include "store/env.h"
#include "store/migrate.h"
#include "store/state.h"
#include "store/store.h"

namespace oneself::store {
namespace {

using nlohmann::json;

constexpr size_t kMaxFieldsBytes = 256 * 1024;
constexpr size_t kMaxSiteIdBytes = 64;

// Site ids become file names: lowercase letters, digits, '-' and '_' only.
bool IsSafeSiteId(const std::string& site) {
  if (site.empty() || site.size() > kMaxSiteIdBytes) return false;
  for (char c : site) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

std::filesystem::path SiteFile(const std::filesystem::path& dir, const std::string& site) {
  return PathIn(dir, format::kObservationsDir) / (site + ".json");
}

// A missing file is nullopt; so is a damaged one: it holds nothing the next
// check will not see again, and it must not block the other sites.
Result<std::optional<json>> ReadObservationFile(Env* env, const std::filesystem::path& path) {
  auto bytes = env->ReadFile(path);
  if (!bytes.ok()) {
    if (bytes.status().code() == Code::kNotFound) return std::optional<json>();
    return bytes.status();
  }
  auto j = jsontext::Parse(*bytes);
  if (!j || !j->is_object()) return std::optional<json>();
  return j;
}

// The pre-split observations.json: {"<site>": {...}}, or {} when absent or damaged.
json ReadLegacyObservations(Env* env, const std::filesystem::path& dir) {
  auto doc = ReadObservationFile(env, PathIn(dir, format::kLegacyObservationsFile));
  if (!doc.ok() || !doc->has_value()) return json::object();
  return std::move(**doc);
}

// One line of compact JSON: a page's check may write it, so it is written
// by the fast writer rather than pretty-printed.
std::string EncodeObservation(const json& seen) {
  std::string text;
  jsontext::AppendJson(text, seen);
  text += '\n';
  return text;
}

bool IsFreshDuplicate(Env* env, const json& seen, const json& fields, int64_t revision,
                      int warnings) {
  if (!seen.is_object()) return false;
  // Compared in place: a copy of the stored fields per keystroke was a
  // measurable part of a warm check.
  auto stored = seen.find("fields");
  if (stored == seen.end() || *stored != fields || seen.value("revision", int64_t{-1}) != revision ||
      seen.value("warnings", -1) != warnings)
    return false;
  int64_t at = ParseTime(seen.value("seen", ""));
  if (at < 0) return false;
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(env->Now().time_since_epoch()).count();
  return now >= at && now - at < format::kObservationRefreshSeconds;
}

// Under the writers' lock: moves the legacy file's sites into per-site files
// (a site that already has one keeps it), then removes the legacy file. A
// crash in between leaves both, and the next call finishes the move.
Status MoveLegacyObservations(Env* env, const std::filesystem::path& dir) {
  const auto legacy = PathIn(dir, format::kLegacyObservationsFile);
  if (!env->FileExists(legacy)) return Status::Ok();
  json all = ReadLegacyObservations(env, dir);
  for (const auto& [site, seen] : all.items()) {
    if (!IsSafeSiteId(site) || !seen.is_object()) continue;
    const auto path = SiteFile(dir, site);
    if (env->FileExists(path)) continue;
    Status s = WriteFileAtomically(env, path, EncodeObservation(seen));
    if (!s.ok()) return s;
  }
  return env->RemoveFile(legacy);
}

}  // namespace

// The site's file as last read, reused while its stamp (taken before the
// read) is unchanged; every write of it is a rename, so a new inode. Handed
// out in place: a copy per keystroke was a measurable part of a warm check.
std::filesystem::path Store::ObservationsDir() const {
  if (selfDevice_.empty()) {
    auto id = ReadIdentity(env_, dir_);
    if (id.ok() && *id) selfDevice_ = (*id)->device;
  }
  return selfDevice_.empty() ? dir_ : DeviceDir(dir_, selfDevice_);
}

Result<const std::optional<json>*> Store::CachedObservation(const std::string& site) const {
  const auto path = SiteFile(ObservationsDir(), site);
  auto stamp = env_->Stat(path);
  if (!stamp.ok()) return stamp.status();
  auto hit = observed_.find(site);
  if (hit != observed_.end() && hit->second.file == *stamp) return &hit->second.doc;
  auto doc = ReadObservationFile(env_, path);
  if (!doc.ok()) return doc.status();
  auto& entry = observed_[site];
  entry = ObservationCache{*stamp, std::move(*doc)};
  return &entry.doc;
}

Result<json> Store::Observations() const {
  return NoThrow<Result<json>>([&]() -> Result<json> {
    const auto base = ObservationsDir();
    json all = ReadLegacyObservations(env_, base);
    std::error_code ec;
    std::filesystem::directory_iterator it(PathIn(base, format::kObservationsDir), ec);
    if (ec) return all;  // no observations directory yet
    for (const auto& entry : it) {
      const auto& path = entry.path();
      if (path.extension() != ".json") continue;
      const std::string site = path.stem().string();
      if (!IsSafeSiteId(site)) continue;
      auto seen = CachedObservation(site);
      if (!seen.ok()) return seen.status();
      if (**seen) all[site] = ***seen;
    }
    return all;
  });
}

Status Store::RecordObservation(const std::string& site, const json& fields, int64_t revision,
                                int warnings) {
  return NoThrow<Status>([&]() -> Status {
    if (!IsSafeSiteId(site))
      return Status::BadRequest("site must be a site id (lowercase letters, digits, '-', '_')");

    // Fast path without the lock: the common keystroke case writes nothing
    // (and what it would have written passed the checks below last time).
    if (auto current = CachedObservation(site);
        current.ok() && **current && IsFreshDuplicate(env_, ***current, fields, revision, warnings))
      return Status::Ok();

    std::string encoded;
    jsontext::AppendJson(encoded, fields);
    if (encoded.size() > kMaxFieldsBytes) return Status::TooLarge("observed fields are too large");

    const auto local = LocalDir(env_, dir_);
    Status s = env_->CreateDir(dir_);
    if (s.ok()) s = CreateDirIn(env_, dir_, local);
    if (!s.ok()) return s;
    auto lock = env_->LockFile(local / std::string(format::kLockFile));
    if (!lock.ok()) return lock.status();
    // Observations are this machine's: its device is made if it has none.
    auto ensured = EnsureDevice(env_, dir_, false);
    if (!ensured.ok()) return ensured.status();
    if (ensured->created || ensured->migrated) Invalidate();
    selfDevice_ = ensured->device;
    const auto base = DeviceDir(dir_, selfDevice_);
    s = CreateDirIn(env_, dir_, PathIn(base, format::kObservationsDir));
    if (!s.ok()) return s;
    s = MoveLegacyObservations(env_, base);
    if (!s.ok()) return s;
    observed_.erase(site);
    const auto path = SiteFile(base, site);
    auto fresh = ReadObservationFile(env_, path);  // under the lock
    if (fresh.ok() && fresh->has_value() &&
        IsFreshDuplicate(env_, **fresh, fields, revision, warnings))
      return Status::Ok();
    json seen = {{"seen", FormatTime(env_->Now())},
                 {"revision", revision},
                 {"fields", fields},
                 {"warnings", warnings}};
    s = WriteFileAtomically(env_, path, EncodeObservation(seen));
    if (!s.ok()) return s;
    // Still under the lock, so no one else has replaced it since.
    auto stamp = env_->Stat(path);
    if (stamp.ok() && stamp->exists) observed_[site] = ObservationCache{*stamp, std::move(seen)};
    return Status::Ok();
  });
}

}  // namespace oneself::store
