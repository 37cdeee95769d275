// Observations: the last values seen on each site (observations.json). Not
// revisioned and not journaled: they are a cache of what the pages showed,
// rebuilt by the next `check`. `check` runs on every keystroke in edit mode,
// so an observation identical to the last one for that site and younger than
// format::kObservationRefreshSeconds is not written again.
#include <chrono>

#include "store/env.h"
#include "store/state.h"
#include "store/store.h"

namespace oneself::store {
namespace {

using nlohmann::json;

constexpr size_t kMaxFieldsBytes = 256 * 1024;

Result<json> ReadObservations(Env* env, const std::filesystem::path& dir) {
  auto path = PathIn(dir, format::kObservationsFile);
  auto bytes = env->ReadFile(path);
  if (!bytes.ok()) {
    if (bytes.status().code() == Code::kNotFound) return json::object();
    return bytes.status();
  }
  json j = json::parse(*bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::StoreError(path.string() + " is not valid JSON");
  return j;
}

bool IsFreshDuplicate(Env* env, const json& all, const std::string& site, const json& fields,
                      int64_t revision, int warnings) {
  auto it = all.find(site);
  if (it == all.end() || !it->is_object()) return false;
  if (it->value("fields", json()) != fields || it->value("revision", int64_t{-1}) != revision ||
      it->value("warnings", -1) != warnings)
    return false;
  int64_t seen = ParseTime(it->value("seen", ""));
  if (seen < 0) return false;
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(env->Now().time_since_epoch()).count();
  return now >= seen && now - seen < format::kObservationRefreshSeconds;
}

}  // namespace

// observations.json as last read, reused while its stamp (taken before the
// read) is unchanged; every write of it is a rename, so a new inode.
Result<json> Store::CachedObservations() const {
  const auto path = PathIn(dir_, format::kObservationsFile);
  auto stamp = env_->Stat(path);
  if (stamp.ok() && observed_ && observed_->file == *stamp) return observed_->doc;
  observed_.reset();
  auto doc = ReadObservations(env_, dir_);
  if (doc.ok() && stamp.ok()) observed_ = ObservationsCache{*stamp, *doc};
  return doc;
}

Result<json> Store::Observations() const {
  return NoThrow<Result<json>>([&]() -> Result<json> { return CachedObservations(); });
}

Status Store::RecordObservation(const std::string& site, const json& fields, int64_t revision,
                                int warnings) {
  return NoThrow<Status>([&]() -> Status {
    if (site.empty()) return Status::BadRequest("site must not be empty");
    std::string encoded;
    try {
      encoded = fields.dump();
    } catch (const json::exception&) {
      return Status::BadRequest("fields contain invalid UTF-8");
    }
    if (encoded.size() > kMaxFieldsBytes) return Status::TooLarge("observed fields are too large");

    // Fast path without the lock: the common keystroke case writes nothing.
    auto current = CachedObservations();
    if (current.ok() && IsFreshDuplicate(env_, *current, site, fields, revision, warnings))
      return Status::Ok();

    Status s = env_->CreateDir(dir_);
    if (!s.ok()) return s;
    auto lock = env_->LockFile(PathIn(dir_, format::kLockFile));
    if (!lock.ok()) return lock.status();
    observed_.reset();
    auto all = ReadObservations(env_, dir_);  // fresh, under the lock
    // A damaged observations file holds nothing that the next checks will not
    // see again, so it is replaced rather than blocking every check.
    json obs = all.ok() ? std::move(*all) : json::object();
    if (IsFreshDuplicate(env_, obs, site, fields, revision, warnings)) return Status::Ok();
    obs[site] = {{"seen", FormatTime(env_->Now())},
                 {"revision", revision},
                 {"fields", fields},
                 {"warnings", warnings}};
    const auto path = PathIn(dir_, format::kObservationsFile);
    s = WriteFileAtomically(env_, path, obs.dump(2) + "\n");
    if (!s.ok()) return s;
    // Still under the lock, so no one else has replaced it since.
    auto stamp = env_->Stat(path);
    if (stamp.ok() && stamp->exists) observed_ = ObservationsCache{*stamp, std::move(obs)};
    return Status::Ok();
  });
}

}  // namespace oneself::store
