#include "store/migrate.h"

#include <algorithm>
#include <set>

#include "crypto/sha256.h"
#include "store/document.h"
#include "store/journal.h"
#include "store/leaves.h"
#include "store/state.h"
#include "store/store_format.h"

namespace oneself::store {

using nlohmann::json;

namespace {

std::string DefaultName(Env* env) {
  std::string name = env->HostName();
  return name.empty() ? "this machine" : name;
}

// The old format's revisions, as entries of `device`.
Result<std::vector<Entry>> ConvertLegacy(Env* env, const std::filesystem::path& dir,
                                         const std::string& device) {
  auto cur = ReadCurrent(env, dir);
  if (!cur.ok())
    return Status::StoreError("the store has the single-journal format and cannot be upgraded: " +
                              cur.status().message() + "; nothing was changed");
  std::vector<Entry> out;
  auto text = env->ReadFile(PathIn(dir, format::kJournalFile));
  std::string bytes = text.ok() ? *text : std::string();
  json doc = EmptyDocument();
  std::string prev(format::kGenesisHash);
  Clock clock;
  size_t at = 0;
  for (size_t nl; (nl = bytes.find('\n', at)) != std::string::npos; at = nl + 1) {
    auto line = DecodeJournalLine(std::string_view(bytes).substr(at, nl - at));
    if (!line.ok()) return line.status();
    if (line->revision > cur->head.revision) break;
    json before = doc;
    Status s = ApplyChanges(doc, line->changes, true);
    if (!s.ok()) return s;
    Entry e;
    e.device = device;
    e.seq = static_cast<int64_t>(out.size()) + 1;
    const int64_t wall = ParseTime(line->time) * 1000;
    clock = wall > clock.wall ? Clock{wall, 0} : Clock{clock.wall, clock.counter + 1};
    e.clock = clock;
    e.time = line->time;
    e.source = line->source;
    e.changes = LeafChanges(before, doc);
    e.revertedTo = line->revertedTo;
    out.push_back(std::move(e));
  }
  if (doc["profile"] != cur->head.doc["profile"] || doc["sites"] != cur->head.doc["sites"])
    return Status::StoreError("the store has the single-journal format and its journal does not "
                              "replay to profile.json; run an older `oneself verify`; nothing was changed");
  return out;
}

Status Migrate(Env* env, const std::filesystem::path& dir, const std::string& device) {
  auto entries = ConvertLegacy(env, dir, device);
  if (!entries.ok()) return entries.status();
  if (entries->empty()) {
    Entry e;
    e.device = device;
    e.seq = 1;
    e.source = "cli";
    entries->push_back(std::move(e));
  }
  (*entries)[0].name = DefaultName(env);
  if ((*entries)[0].time.empty()) {
    (*entries)[0].time = FormatTime(env->Now());
    (*entries)[0].clock = Clock{ParseTime((*entries)[0].time) * 1000, 0};
  }
  std::string journal;
  std::string prev(format::kGenesisHash);
  for (auto& e : *entries) {
    e.prev = prev;
    auto line = EncodeEntry(e);
    if (!line.ok()) return line.status();
    prev = crypto::Sha256Hex(*line);
    journal += *line + "\n";
  }
  Identity id{device, {static_cast<int64_t>(entries->size()), journal.size(), prev},
              {0, 0, std::string(format::kGenesisHash)}};
  Status s = WriteIdentity(env, dir, id);
  if (s.ok()) s = CreateDirIn(env, dir, DeviceDir(dir, device));
  if (s.ok()) s = WriteFileAtomically(env, DeviceJournal(dir, device), journal);
  if (!s.ok()) return s;
  // The old files move into the device's folder: kept, never read again.
  const auto legacy = DeviceDir(dir, device) / std::string(format::kLegacyDir);
  s = CreateDirIn(env, dir, legacy);
  if (!s.ok()) return s;
  const auto observations = PathIn(dir, format::kObservationsDir);
  if (env->FileExists(observations) &&
      !env->FileExists(DeviceDir(dir, device) / std::string(format::kObservationsDir)))
    s = env->Rename(observations, DeviceDir(dir, device) / std::string(format::kObservationsDir));
  if (s.ok() && env->FileExists(PathIn(dir, format::kLegacyObservationsFile)))
    s = env->Rename(PathIn(dir, format::kLegacyObservationsFile),
                    DeviceDir(dir, device) / std::string(format::kLegacyObservationsFile));
  if (s.ok() && env->FileExists(PathIn(dir, format::kJournalFile)))
    s = env->Rename(PathIn(dir, format::kJournalFile), legacy / std::string(format::kJournalFile));
  // profile.json last: while it is in place, the upgrade is not finished.
  if (s.ok()) s = env->Rename(PathIn(dir, format::kProfileFile), legacy / std::string(format::kProfileFile));
  if (s.ok()) s = env->SyncDir(dir);
  if (s.ok()) (void)env->RemoveFile(PathIn(dir, format::kLockFile));
  return s;
}

bool IsSyncCopy(const std::string& name) {
  return name.find(".sync-conflict-") != std::string::npos ||
         name.find("conflicted copy") != std::string::npos ||
         name.find("Conflicted copy") != std::string::npos ||
         (name.size() > 5 && name.compare(name.size() - 5, 5, ".orig") == 0);
}

// A machine that gets a new device because another machine wrote as its old
// one: the old device's entries that a sync engine kept only in a conflict
// copy of its journal (this machine's, overwritten by the other's) are
// written again as entries of the new device, so nothing acknowledged is
// lost. They say they saw nothing: where someone else changed the same field
// since, the person sees a conflict and chooses.
Status RecoverFromCopies(Env* env, const std::filesystem::path& dir, const std::string& oldDevice,
                         Identity& fresh) {
  auto names = env->ListDir(DeviceDir(dir, oldDevice));
  if (!names.ok()) return names.status();
  std::set<std::string> kept;
  auto journal = env->ReadFile(DeviceJournal(dir, oldDevice));
  auto lines = [](const std::string& text, auto&& each) {
    size_t at = 0;
    for (size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
      each(std::string_view(text).substr(at, nl - at));
  };
  if (journal.ok()) lines(*journal, [&](std::string_view l) { kept.insert(crypto::Sha256Hex(l)); });
  std::vector<Entry> lost;
  for (const auto& name : *names) {
    if (!IsSyncCopy(name)) continue;
    auto copy = env->ReadFile(DeviceDir(dir, oldDevice) / name);
    if (!copy.ok()) continue;
    lines(*copy, [&](std::string_view l) {
      const std::string hash = crypto::Sha256Hex(l);
      if (kept.count(hash)) return;
      auto e = DecodeEntry(l);
      if (!e.ok() || e->device != oldDevice || e->changes.empty()) return;
      kept.insert(hash);
      lost.push_back(std::move(*e));
    });
  }
  std::stable_sort(lost.begin(), lost.end(),
                   [](const Entry& a, const Entry& b) { return a.clock < b.clock; });
  for (const auto& old : lost) {
    Entry e;
    e.device = fresh.device;
    e.seq = fresh.written.entries + 1;
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            env->Now().time_since_epoch()).count();
    e.clock = Clock{now, 0};
    if (!(old.clock < e.clock)) e.clock = Clock{old.clock.wall, old.clock.counter + 1};
    e.time = old.time;
    e.source = old.source;
    e.changes = old.changes;
    e.prev = fresh.written.last;
    Status s = AppendEntry(env, dir, fresh, e);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status AppendEntry(Env* env, const std::filesystem::path& dir, Identity& identity,
                   const Entry& entry) {
  auto line = EncodeEntry(entry);
  if (!line.ok()) return line.status();
  Identity next = identity;
  next.before = identity.written;
  next.written = JournalMark{entry.seq, identity.written.end + line->size() + 1,
                             crypto::Sha256Hex(*line)};
  Status s = WriteIdentity(env, dir, next);
  if (s.ok()) s = CreateDirIn(env, dir, DeviceDir(dir, identity.device));
  if (s.ok()) s = env->AppendSync(DeviceJournal(dir, identity.device), *line + "\n");
  if (s.ok()) identity = next;
  return s;
}

Result<Ensured> EnsureDevice(Env* env, const std::filesystem::path& dir, bool newDevice) {
  Status s = WriteIgnoreFiles(env, dir);
  if (!s.ok()) return s;
  const bool legacy = env->FileExists(PathIn(dir, format::kProfileFile));
  auto identity = ReadIdentity(env, dir);
  if (!identity.ok()) {
    if (!newDevice) return identity.status();
    identity = std::optional<Identity>();
  }
  if (*identity && !newDevice) {
    const std::string device = (*identity)->device;
    if (!legacy) return Ensured{device, false, false};
    // An upgrade that stopped part way: its journal is in place or not.
    if (!env->FileExists(DeviceJournal(dir, device))) {
      s = Migrate(env, dir, device);
      if (!s.ok()) return s;
      return Ensured{device, false, true};
    }
    const auto legacyDir = DeviceDir(dir, device) / std::string(format::kLegacyDir);
    s = CreateDirIn(env, dir, legacyDir);
    if (s.ok() && env->FileExists(PathIn(dir, format::kJournalFile)))
      s = env->Rename(PathIn(dir, format::kJournalFile), legacyDir / std::string(format::kJournalFile));
    if (s.ok()) s = env->Rename(PathIn(dir, format::kProfileFile), legacyDir / std::string(format::kProfileFile));
    if (!s.ok()) return s;
    return Ensured{device, false, true};
  }
  const std::string device = NewDeviceId();
  if (legacy) {
    s = Migrate(env, dir, device);
    if (!s.ok()) return s;
    return Ensured{device, true, true};
  }
  Identity id{device, {0, 0, std::string(format::kGenesisHash)}, {0, 0, std::string(format::kGenesisHash)}};
  Entry e;
  e.device = device;
  e.seq = 1;
  e.time = FormatTime(env->Now());
  e.clock = Clock{std::chrono::duration_cast<std::chrono::milliseconds>(
                      env->Now().time_since_epoch()).count(), 0};
  e.source = "cli";
  e.name = DefaultName(env);
  e.prev = std::string(format::kGenesisHash);
  s = AppendEntry(env, dir, id, e);
  if (s.ok() && *identity) s = RecoverFromCopies(env, dir, (*identity)->device, id);
  if (!s.ok()) return s;
  return Ensured{device, true, false};
}

}  // namespace oneself::store
