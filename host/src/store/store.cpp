// The store's reads and write path over the devices' journals. Reads merge
// every device's journal (store/merge.h), keeping the merged view in memory
// and in this machine's cache file, keyed by the journals' stamps, so a read
// costs one stat() per device while nothing changed and reads only the new
// lines when something did. Every change goes through Commit(), which holds
// this machine's lock, checks that its device's journal still ends where it
// left it, and appends one entry (write-ahead of nothing: the journal is the
// store).
#include "store/store.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>

#include "crypto/sha256.h"
#include "json/parse.h"
#include "store/device.h"
#include "store/document.h"
#include "store/entry.h"
#include "store/env.h"
#include "store/journal.h"
#include "store/leaves.h"
#include "store/merge.h"
#include "store/migrate.h"
#include "store/state.h"
#include "store/store_format.h"
#include "store/store_merge.h"

namespace oneself::store {

using nlohmann::json;

namespace {

constexpr size_t kChunk = 64 * 1024;
// How recent a change makes a file's stamp untrustworthy (below).
constexpr int64_t kRacyNs = 2'000'000'000;

json StampJson(const FileStamp& s) {
  return {s.exists, s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs};
}
FileStamp StampFrom(const json& j) {
  return FileStamp{j.at(0).get<bool>(),     j.at(1).get<uint64_t>(), j.at(2).get<uint64_t>(),
                   j.at(3).get<uint64_t>(), j.at(4).get<int64_t>(),  j.at(5).get<int64_t>()};
}

std::shared_ptr<const Snapshot> ShareSnapshot(const Merged& m) {
  static std::atomic<uint64_t> lastIdentity{0};
  return std::make_shared<const Snapshot>(Snapshot{m.revision(), m.updated(), m.doc(),
                                                   static_cast<int64_t>(m.ConflictCount()),
                                                   ++lastIdentity});
}

// The names of the devices whose journal is in the folder. Only
// devices/<16 hex>/journal.jsonl is read: a sync engine's conflict copies
// and anything else beside it are never journals.
Result<std::vector<std::string>> ListDevices(Env* env, const std::filesystem::path& dir) {
  auto names = env->ListDir(dir / std::string(format::kDevicesDir));
  if (!names.ok()) return names.status();
  std::vector<std::string> out;
  for (auto& n : *names)
    if (IsDeviceId(n)) out.push_back(n);
  return out;
}

// Calls `line(bytes, endOffset)` for each complete line in [from, to).
template <typename F>
Status ForEachLine(const RandomAccessFile& file, uint64_t from, uint64_t to, F&& line) {
  std::string pending, chunk;
  uint64_t pos = from;
  while (pos < to) {
    Status s = file.Read(pos, static_cast<size_t>(std::min<uint64_t>(kChunk, to - pos)), &chunk);
    if (!s.ok()) return s;
    if (chunk.empty()) break;
    size_t start = 0;
    for (size_t nl; (nl = chunk.find('\n', start)) != std::string::npos; start = nl + 1) {
      const uint64_t end = pos + nl + 1;
      bool more;
      if (pending.empty()) {
        more = line(std::string_view(chunk).substr(start, nl - start), end);
      } else {
        pending.append(chunk, start, nl - start);
        more = line(std::string_view(pending), end);
        pending.clear();
      }
      if (!more) return Status::Ok();
    }
    pending.append(chunk, start, std::string::npos);
    if (pending.size() > format::kMaxJournalLineBytes)
      return Status::StoreError("a journal line is longer than " +
                                std::to_string(format::kMaxJournalLineBytes) + " bytes");
    pos += chunk.size();
  }
  return Status::Ok();
}

struct Read {
  Entry entry;
  uint64_t end = 0;
  std::string hash;
};

// The lines of `device`'s journal after `seen`, checked against it: each must
// be the device's next entry and chain to the one before. `problem` says why
// reading stopped early ("" when it did not).
Status ReadAfter(Env* env, const std::filesystem::path& dir, const std::string& device,
                 const DeviceSeen& seen, std::vector<Read>* out, std::string* problem) {
  const std::string name = "devices/" + device + "/journal.jsonl";
  auto file = env->OpenForRead(DeviceJournal(dir, device));
  if (!file.ok()) {
    if (file.status().code() != Code::kNotFound) return file.status();
    if (seen.entries > 0) *problem = name + " is gone (" + std::to_string(seen.entries) + " entries of it were seen)";
    return Status::Ok();
  }
  auto complete = CompleteEnd(**file);
  if (!complete.ok()) return complete.status();
  if (seen.entries > 0) {
    bool extends = *complete >= seen.end;
    if (extends) {
      ReverseLineReader reader(file->get(), seen.end);
      std::string line;
      uint64_t offset = 0;
      auto got = reader.Prev(&line, &offset);
      if (!got.ok()) return got.status();
      extends = *got && crypto::Sha256Hex(line) == seen.last;
    }
    if (!extends) {
      *problem = name + (*complete < seen.end ? " shrank" : " changed") +
                 ": it no longer extends the " + std::to_string(seen.entries) +
                 " entries seen before (an older copy was restored, or the file was altered); "
                 "what was seen is kept and its later lines are not merged";
      return Status::Ok();
    }
  }
  int64_t seq = seen.entries;
  std::string last = seen.entries > 0 ? seen.last : std::string(format::kGenesisHash);
  Clock clock = seen.clock;
  return ForEachLine(**file, seen.entries > 0 ? seen.end : 0, *complete,
                     [&](std::string_view bytes, uint64_t end) {
                       auto entry = DecodeEntry(bytes);
                       std::string where = name + " entry " + std::to_string(seq + 1);
                       if (!entry.ok()) *problem = where + " is not a device entry";
                       else if (entry->device != device) *problem = where + " names another device";
                       else if (entry->seq != seq + 1) *problem = where + " has seq " + std::to_string(entry->seq);
                       else if (entry->prev != last) *problem = where + " does not chain to the entry before it (altered or removed)";
                       else if (seq > 0 && !(clock < entry->clock)) *problem = where + " has a clock that goes back";
                       if (!problem->empty()) return false;
                       ++seq;
                       last = crypto::Sha256Hex(bytes);
                       clock = entry->clock;
                       out->push_back(Read{std::move(*entry), end, last});
                       return true;
                     });
}

// Folds what was read, across devices in (clock, device) order: each
// device's own lines are in clock order, so this keeps them in seq order.
void FoldAll(Merged& merged, std::vector<Read>& reads) {
  std::stable_sort(reads.begin(), reads.end(), [](const Read& a, const Read& b) {
    return Later(b.entry.clock, b.entry.device, a.entry.clock, a.entry.device);
  });
  for (const auto& r : reads) merged.Fold(r.entry, r.end, r.hash);
}

std::filesystem::path CachePath(Env* env, const std::filesystem::path& dir) {
  return LocalDir(env, dir) / std::string(format::kMergedCacheFile);
}

// Clock for a new entry: after every clock seen, close to the wall clock.
Clock NextClock(Env* env, const Clock& maxSeen) {
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          env->Now().time_since_epoch()).count();
  if (now > maxSeen.wall) return Clock{now, 0};
  return Clock{maxSeen.wall, maxSeen.counter + 1};
}

}  // namespace

std::string_view SourceName(Source source) {
  switch (source) {
    case Source::kCli: return "cli";
    case Source::kExtension: return "extension";
    case Source::kImport: return "import";
  }
  return "cli";
}

Store::Store(std::filesystem::path dir) : Store(std::move(dir), Env::Default()) {}
Store::Store(std::filesystem::path dir, Env* env) : dir_(std::move(dir)), env_(env) {}

void Store::Invalidate() const { merge_.reset(); }

bool Store::Exists() const {
  if (env_->FileExists(PathIn(dir_, format::kProfileFile))) return true;
  auto devices = ListDevices(env_, dir_);
  return devices.ok() && !devices->empty();
}

Result<InitReport> Store::InitDevice(bool newDevice) {
  Invalidate();
  return NoThrow<Result<InitReport>>([&]() -> Result<InitReport> {
    Status s = env_->CreateDir(dir_);
    if (s.ok()) s = CreateDirIn(env_, dir_, LocalDir(env_, dir_));
    if (!s.ok()) return s;
    auto lock = env_->LockFile(LocalDir(env_, dir_) / std::string(format::kLockFile));
    if (!lock.ok()) return lock.status();
    InitReport report;
    auto ensured = EnsureDevice(env_, dir_, newDevice);
    if (!ensured.ok()) return ensured.status();
    if (newDevice) {
      // The old device is the other machine's now: its journal as it is
      // (what this machine wrote there alone was just written again by the
      // new device) is merged afresh, not held against what was seen.
      Status removed = env_->RemoveFile(CachePath(env_, dir_));
      if (!removed.ok()) return removed;
      Invalidate();
    }
    report.device = ensured->device;
    report.newDevice = ensured->created;
    report.migrated = ensured->migrated;
    auto devices = Devices();
    if (!devices.ok()) return devices.status();
    for (auto& d : *devices)
      if (!d.self) report.others.push_back(d);
    return report;
  });
}

Result<const Store::Merge*> Store::Refresh() const {
  return NoThrow<Result<const Merge*>>([&]() -> Result<const Merge*> {
    if (env_->FileExists(PathIn(dir_, format::kProfileFile))) {
      // A store of the single-journal format: upgraded on first use.
      auto upgraded = const_cast<Store*>(this)->InitDevice(false);
      if (!upgraded.ok()) return upgraded.status();
    }
    auto ids = ListDevices(env_, dir_);
    if (!ids.ok()) return ids.status();
    std::map<std::string, FileStamp> stamps;
    for (const auto& id : *ids) {
      auto st = env_->Stat(DeviceJournal(dir_, id));
      if (!st.ok()) return st.status();
      stamps[id] = *st;
    }
    // A stamp taken within a moment of the file's last change proves
    // nothing: a sync engine may replace a file by one of the same size
    // within the file system's timestamp granularity, on a reused inode.
    // Such a file is checked by content (the hash of the line where what
    // was seen ends: one small read), as git treats a racily clean index.
    const int64_t nowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count();
    auto racy = [&](const FileStamp& st) {
      return st.mtimeNs > nowNs - kRacyNs || st.ctimeNs > nowNs - kRacyNs;
    };
    bool anyRacy = false;
    for (const auto& [id, st] : stamps) anyRacy = anyRacy || racy(st);
    if (merge_ && merge_->stamps == stamps && !anyRacy) return merge_.get();

    auto next = std::make_shared<Merge>();
    if (merge_) {
      next->merged = merge_->merged;
      next->stamps = merge_->stamps;
      next->held = merge_->held;
    } else if (auto cached = env_->ReadFile(CachePath(env_, dir_)); cached.ok()) {
      // What this machine merged last time: the start of this merge, and
      // the record a rolled-back file is compared with.
      auto j = jsontext::Parse(*cached);
      Merged m;
      if (j && j->is_object() && j->contains("merged") && Merged::FromJson((*j)["merged"], &m)) {
        try {
          for (const auto& [id, st] : j->at("stamps").items()) next->stamps[id] = StampFrom(st);
          for (const auto& [id, why] : j->at("held").items()) next->held[id] = why.get<std::string>();
          next->merged = std::move(m);
        } catch (const std::exception&) {
          next->stamps.clear();
          next->held.clear();
        }
      }
    }
    std::vector<Read> reads;
    for (const auto& [id, stamp] : stamps) {
      auto was = next->stamps.find(id);
      if (was != next->stamps.end() && was->second == stamp && !racy(stamp)) continue;
      next->held.erase(id);
      DeviceSeen seen;
      if (auto it = next->merged.devices().find(id); it != next->merged.devices().end()) seen = it->second;
      std::string problem;
      Status s = ReadAfter(env_, dir_, id, seen, &reads, &problem);
      if (!s.ok()) return s;
      if (!problem.empty()) next->held[id] = problem;
    }
    for (const auto& [id, seen] : next->merged.devices())
      if (!stamps.count(id))
        next->held[id] = "devices/" + id + "/journal.jsonl is gone (" +
                         std::to_string(seen.entries) + " entries of it were seen)";
    const bool changed = !reads.empty() || next->stamps != stamps ||
                         next->held != (merge_ ? merge_->held : next->held);
    FoldAll(next->merged, reads);
    next->stamps = std::move(stamps);
    // Nothing new: the same snapshot (its identity keys what callers derived).
    if (merge_ && reads.empty() && next->held == merge_->held) next->snapshot = merge_->snapshot;
    else next->snapshot = ShareSnapshot(next->merged);
    merge_ = next;
    if (changed || !reads.empty()) {
      // Best effort: a cache that cannot be written costs a re-read next time.
      const auto local = LocalDir(env_, dir_);
      if (env_->FileExists(local)) {
        json stampsJson = json::object();
        for (const auto& [id, st] : next->stamps) stampsJson[id] = StampJson(st);
        json cache = {{"format", 1},
                      {"stamps", stampsJson},
                      {"held", next->held},
                      {"merged", next->merged.ToJson()}};
        std::string tmpName = std::string(format::kMergedCacheFile) + "." +
                              std::to_string(::getpid()) + ".tmp";
        if (env_->WriteFileSync(local / tmpName, cache.dump()).ok())
          (void)env_->Rename(local / tmpName, CachePath(env_, dir_));
      }
    }
    return merge_.get();
  });
}

Result<Snapshot> Store::Load() const {
  auto shared = LoadShared();
  if (!shared.ok()) return shared.status();
  Snapshot copy(**shared);
  copy.identity = 0;  // the caller may change it
  return copy;
}

Result<std::shared_ptr<const Snapshot>> Store::LoadShared() const {
  auto m = Refresh();
  if (!m.ok()) return m.status();
  return (*m)->snapshot;
}

Result<std::vector<DeviceInfo>> Store::Devices() const {
  auto m = Refresh();
  if (!m.ok()) return m.status();
  auto self = ReadIdentity(env_, dir_);
  if (!self.ok()) return self.status();
  std::vector<DeviceInfo> out;
  for (const auto& [id, d] : (*m)->merged.devices())
    out.push_back(DeviceInfo{id, d.name, d.entries, d.time, *self && (*self)->device == id});
  return out;
}

Result<std::vector<FieldConflict>> Store::Conflicts() const {
  auto m = Refresh();
  if (!m.ok()) return m.status();
  const auto& devices = (*m)->merged.devices();
  std::vector<FieldConflict> out;
  for (const auto& c : (*m)->merged.Conflicts()) {
    FieldConflict f{FieldName(c.path), c.path, {}};
    for (const auto& v : c.values) {
      auto d = devices.find(v.device);
      f.values.push_back({v.value, v.device, d != devices.end() ? d->second.name : "", v.time});
    }
    out.push_back(std::move(f));
  }
  return out;
}

Result<Snapshot> Store::Commit(const std::function<Result<json>(const Snapshot&)>& makeNext,
                               Source source, std::optional<int64_t> revertedTo,
                               bool forceConflicts, const json* patch,
                               std::optional<std::string> rename) {
  Invalidate();  // the next Load reads what this wrote (or did not)
  return NoThrow<Result<Snapshot>>([&]() -> Result<Snapshot> {
    Status s = env_->CreateDir(dir_);
    const auto local = LocalDir(env_, dir_);
    if (s.ok()) s = CreateDirIn(env_, dir_, local);
    if (!s.ok()) return s;
    auto lock = env_->LockFile(local / std::string(format::kLockFile));
    if (!lock.ok()) return lock.status();
    auto ensured = EnsureDevice(env_, dir_, false);
    if (!ensured.ok()) return ensured.status();
    auto identity = ReadIdentity(env_, dir_);
    if (!identity.ok()) return identity.status();
    if (!*identity) return Status::StoreError("this machine has no device in the store");
    Identity id = **identity;
    s = CheckOwnJournal(env_, dir_, id);
    if (!s.ok()) return s;

    auto m = Refresh();
    if (!m.ok()) return m.status();
    const Merge& cur = **m;
    if (auto held = cur.held.find(id.device); held != cur.held.end())
      return Status::StoreError(held->second + "; nothing was written (fix: " +
                                std::string(kNewDeviceCommand) + ")");
    const Snapshot& head = *cur.snapshot;

    json changes = json::object();
    if (!rename) {
      auto next = makeNext(head);
      if (!next.ok()) return next.status();
      json doc = std::move(*next);
      doc["previous"] = head.doc["previous"];
      s = ValidateDocument(doc);
      if (!s.ok()) return s;
      DropEmptyObjects(doc, "profile");
      DropEmptyObjects(doc, "sites");
      changes = LeafChanges(head.doc, doc);
      if (forceConflicts) {
        // A write that names a conflicted field resolves it, even with the
        // value already shown: the new entry has seen every value.
        auto written = patch ? Leaves(*patch) : std::map<std::string, json>();
        auto after = Leaves(doc);
        for (const auto& path : cur.merged.ConflictedPaths()) {
          bool named = !patch;
          for (const auto& [p, v] : written)
            named = named || path == p || path.rfind(p + "/", 0) == 0 || p.rfind(path + "/", 0) == 0;
          if (!named || changes.contains(path)) continue;
          auto it = after.find(path);
          changes[path] = it != after.end() ? it->second : json();
        }
      }
      if (changes.empty()) return head;  // nothing changed: no revision
      std::string size = doc.dump(-1, ' ', false, json::error_handler_t::replace);
      if (size.size() > format::kMaxDocumentBytes)
        return Status::BadRequest("the profile would be too large");
    }

    Entry e;
    e.device = id.device;
    e.seq = id.written.entries + 1;
    e.clock = NextClock(env_, cur.merged.maxClock());
    e.time = FormatTime(env_->Now());
    e.source = std::string(SourceName(source));
    e.changes = std::move(changes);
    e.seen = cur.merged.SeenCounts();
    e.seen.erase(id.device);
    e.revertedTo = revertedTo;
    e.name = rename;
    e.prev = id.written.last;
    s = AppendEntry(env_, dir_, id, e);
    if (!s.ok()) return s;
    Invalidate();
    auto after = Refresh();
    if (!after.ok()) return after.status();
    return *(*after)->snapshot;
  });
}

namespace {

// A change made against a revision that is no longer the latest.
Status StaleBase(int64_t latest, int64_t baseRevision) {
  return Status::Conflict("the profile changed: it is at revision " + std::to_string(latest) +
                          ", this change was made against " + std::to_string(baseRevision) +
                          "; reload and try again");
}

}  // namespace

Result<Snapshot> Store::Update(int64_t baseRevision, const json& patch, Source source) {
  return Commit(
      [&](const Snapshot& current) -> Result<json> {
        if (current.revision != baseRevision) return StaleBase(current.revision, baseRevision);
        json doc = current.doc;
        Status s = ApplyUpdatePatch(doc, patch);
        if (!s.ok()) return s;
        return doc;
      },
      source, std::nullopt, /*forceConflicts=*/true, &patch, std::nullopt);
}

Result<Snapshot> Store::Apply(const std::function<Status(json& doc)>& mutate, Source source) {
  return Commit(
      [&](const Snapshot& current) -> Result<json> {
        json doc = current.doc;
        Status s = mutate(doc);
        if (!s.ok()) return s;
        if (!doc.is_object()) return Status::BadRequest("the document must be an object");
        return doc;
      },
      source, std::nullopt, false, nullptr, std::nullopt);
}

Status Store::RenameDevice(const std::string& name) {
  if (name.empty() || name.size() > 200)
    return Status::BadRequest("a device name must be 1 to 200 characters");
  return Commit([](const Snapshot& s) -> Result<json> { return s.doc; }, Source::kCli,
                std::nullopt, false, nullptr, name)
      .status();
}

namespace {

// Every merged entry (the lines the merged view holds), in merged order:
// (clock, device). Reads every journal: history and revert only.
Result<std::vector<Entry>> MergedEntries(Env* env, const std::filesystem::path& dir,
                                         const Merged& merged) {
  std::vector<Entry> all;
  for (const auto& [id, seen] : merged.devices()) {
    auto file = env->OpenForRead(DeviceJournal(dir, id));
    if (!file.ok()) continue;  // gone: verify says so
    Status bad = Status::Ok();
    Status s = ForEachLine(**file, 0, std::min<uint64_t>(seen.end, (*file)->Size()),
                           [&](std::string_view bytes, uint64_t) {
                             auto e = DecodeEntry(bytes);
                             if (!e.ok()) {
                               bad = e.status();
                               return false;
                             }
                             if (!e->changes.empty()) all.push_back(std::move(*e));
                             return true;
                           });
    if (!s.ok()) return s;
    if (!bad.ok()) return bad;
  }
  std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    return Later(b.clock, b.device, a.clock, a.device);
  });
  return all;
}

json EmptyParts() { return {{"profile", json::object()}, {"sites", json::object()}}; }

}  // namespace

Result<Snapshot> Store::Revert(int64_t revision, int64_t baseRevision, Source source) {
  return Commit(
      [&](const Snapshot& current) -> Result<json> {
        if (current.revision != baseRevision) return StaleBase(current.revision, baseRevision);
        if (revision < 0 || revision > current.revision)
          return Status::NotFound("no revision " + std::to_string(revision) + " (the latest is " +
                                  std::to_string(current.revision) + ")");
        auto entries = MergedEntries(env_, dir_, merge_->merged);
        if (!entries.ok()) return entries.status();
        json doc = EmptyParts();
        for (int64_t i = 0; i < revision && i < static_cast<int64_t>(entries->size()); ++i)
          for (const auto& [path, value] : (*entries)[static_cast<size_t>(i)].changes.items())
            SetLeaf(doc, path, value);
        return doc;
      },
      source, revision, false, nullptr, std::nullopt);
}

Result<std::vector<JournalEntry>> Store::History(int64_t before, size_t limit) const {
  auto m = Refresh();
  if (!m.ok()) return m.status();
  return NoThrow<Result<std::vector<JournalEntry>>>([&]() -> Result<std::vector<JournalEntry>> {
    auto entries = MergedEntries(env_, dir_, (*m)->merged);
    if (!entries.ok()) return entries.status();
    const auto& devices = (*m)->merged.devices();
    // Replayed in merged order for each entry's from-values.
    std::vector<JournalEntry> all;
    json doc = EmptyParts();
    int64_t revision = 0;
    for (auto& e : *entries) {
      json beforeDoc = doc;
      for (const auto& [path, value] : e.changes.items()) SetLeaf(doc, path, value);
      JournalEntry out;
      out.revision = ++revision;
      out.time = e.time;
      out.source = e.source;
      out.changes = DiffDocuments(beforeDoc, doc);
      out.revertedTo = e.revertedTo;
      out.device = e.device;
      if (auto d = devices.find(e.device); d != devices.end()) out.deviceName = d->second.name;
      all.push_back(std::move(out));
    }
    std::vector<JournalEntry> page;
    for (auto it = all.rbegin(); it != all.rend() && page.size() < limit; ++it)
      if (before <= 0 || it->revision < before) page.push_back(std::move(*it));
    return page;
  });
}

}  // namespace oneself::store
