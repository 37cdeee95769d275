// The profile store: one directory holding the canonical profile, its journal
// and the observations. This header is the contract between the store and its
// callers (commands/, cli/, compare/). Implementation: store/*.cpp.
//
// Layout (docs/store.md): the folder may be carried between machines by a
// sync engine, so every file in it has one writer machine ("device"):
// <dir>/devices/<id>/journal.jsonl (that device's append-only, hash-chained
// entries), <dir>/devices/<id>/observations/<site>.json (what that machine
// last saw on each site), and <dir>/local/<key>/ (this machine's identity,
// lock and cached merged view; not synced). The profile is the merge of
// every device's journal (store/merge.h). Directory 0700, files 0600.
//
// Thread-safety: a Store is used by one thread. Several processes may open the
// same directory at once: readers never block; writers on one machine are
// serialized by its lock and refused with Code::kConflict when baseRevision
// (the merged revision) is stale.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "oneself/status.h"
#include "store/env.h"

namespace oneself::store {


// Who made a revision; written into the journal.
enum class Source { kCli, kExtension, kImport };
std::string_view SourceName(Source source);  // "cli", "extension", "import"

// $ONESELF_HOME, else $XDG_DATA_HOME/oneself, else ~/.local/share/oneself.
std::filesystem::path DefaultDirectory();

// One revision of the store document.
// `doc` is the whole document as in docs/store.md: {"profile": {...},
// "sites": {...}, "previous": {...}}; `revision` counts from 0 (empty store).
struct Snapshot {
  int64_t revision = 0;
  std::string updated;  // RFC 3339 UTC time of this revision ("" for revision 0)
  nlohmann::json doc;
  // Fields whose latest values were written concurrently on two devices
  // (Conflicts() lists them).
  int64_t conflicts = 0;
  // Non-zero on the snapshots LoadShared hands out, one number per snapshot
  // read, never reused: equal numbers mean the same unchanged document, so a
  // cache of what was derived from it needs no comparison. Load's copies,
  // which callers may change, and snapshots made elsewhere have 0.
  uint64_t identity = 0;
};

// One journal entry as returned by History().
struct JournalEntry {
  int64_t revision = 0;
  std::string time;      // RFC 3339 UTC
  std::string source;    // "cli" | "extension" | "import"
  nlohmann::json changes;  // {"headline": {"from": ..., "to": ...}, ...}
  std::optional<int64_t> revertedTo;  // set when this revision was a revert
  std::string device;      // the device id that wrote it
  std::string deviceName;  // its name as it is now
};

// One device of the store folder.
struct DeviceInfo {
  std::string id;
  std::string name;
  int64_t entries = 0;    // lines of its journal merged here
  std::string lastWrite;  // time of its last entry ("" if none)
  bool self = false;      // this machine's device
};

// One field whose latest values were written concurrently.
struct FieldConflict {
  std::string field;  // as the CLI names it: "headline", "sites.x.policy"
  std::string path;   // JSON Pointer: "/profile/headline"
  struct Value {
    nlohmann::json value;  // null: removed
    std::string device;
    std::string deviceName;
    std::string time;
  };
  std::vector<Value> values;  // the one shown first
};

struct InitReport {
  std::string device;              // this machine's device
  bool newDevice = false;          // made by this call
  bool migrated = false;           // a store of the single-journal format was upgraded
  std::vector<DeviceInfo> others;  // the other devices found in the folder
};

struct VerifyReport {
  int64_t entries = 0;
  int64_t revision = 0;
  std::vector<std::string> problems;  // empty when the store verifies
};

class Store {
 public:
  explicit Store(std::filesystem::path dir);
  // As above, reading and writing through `env` ("*env" must outlive the Store).
  Store(std::filesystem::path dir, Env* env);

  const std::filesystem::path& dir() const { return dir_; }
  bool Exists() const;  // a device (or a store of the old format) is present

  // Creates the directory and this machine's device if absent (joining the
  // devices already in the folder, upgrading a store of the old format).
  // Idempotent. `newDevice`: give this machine a new device even if it has
  // one (what a refusal for a device used by two machines asks for).
  Status Init() { return InitDevice(false).status(); }
  Result<InitReport> InitDevice(bool newDevice);

  // Every device of the folder, this machine's included once it has one.
  Result<std::vector<DeviceInfo>> Devices() const;
  // Names this machine's device (an entry of its own journal).
  Status RenameDevice(const std::string& name);
  // Fields whose latest values were written concurrently, by path.
  Result<std::vector<FieldConflict>> Conflicts() const;

  // The current revision; O(1) in the length of the history (never replays
  // the journal). A missing store loads as an empty revision 0.
  Result<Snapshot> Load() const;
  // The same revision without a copy: the store keeps it while its files are
  // unchanged, and callers that only read it (every verb that does not write:
  // a check on every keystroke, the hello of every cold start) share it
  // rather than copy the whole document.
  Result<std::shared_ptr<const Snapshot>> LoadShared() const;

  // Applies a partial update: each top-level key of `patch` ("profile",
  // "sites") is merged per docs/store.md (RFC 7396 merge patch: null removes),
  // made against `baseRevision`. Refused with kConflict if the store has moved,
  // with kBadRequest if the result is not a valid document. Durable (write,
  // fsync, rename, fsync dir; journal appended) before it returns.
  Result<Snapshot> Update(int64_t baseRevision, const nlohmann::json& patch, Source source);

  // Like Update, but applies `mutate` to the current document under the lock,
  // whatever the revision: for commutative changes such as adding an ignore.
  // `mutate` returns a Status; a non-ok Status aborts with nothing written.
  Result<Snapshot> Apply(const std::function<Status(nlohmann::json& doc)>& mutate, Source source);

  // Newest first; entries with revision < `before` (0 = from the newest), at
  // most `limit` of them.
  Result<std::vector<JournalEntry>> History(int64_t before, size_t limit) const;

  // Makes a new revision whose document equals that of `revision`.
  Result<Snapshot> Revert(int64_t revision, int64_t baseRevision, Source source);

  // Walks the whole journal: hash chain, revisions contiguous, the last entry
  // matching profile.json, file modes.
  Result<VerifyReport> Verify() const;

  // Last values seen on each site: {"<site>": {"seen": time, "revision": N,
  // "fields": {...}, "warnings": K}}. Not part of the revisioned document.
  // A site's damaged file reads as not seen. RecordObservation touches only
  // `site`'s file; `site` is a site id ([a-z0-9_-], at most 64 bytes).
  Result<nlohmann::json> Observations() const;
  Status RecordObservation(const std::string& site, const nlohmann::json& fields,
                           int64_t revision, int warnings);

 private:
  struct Merge;  // store.cpp: the merged view and the stamps it was read at
  Result<const Merge*> Refresh() const;
  Result<Snapshot> Commit(const std::function<Result<nlohmann::json>(const Snapshot&)>& makeNext,
                          Source source, std::optional<int64_t> revertedTo, bool forceConflicts,
                          const nlohmann::json* patch, std::optional<std::string> rename);
  // This machine's device folder (the store folder while it has none).
  std::filesystem::path ObservationsDir() const;
  mutable std::shared_ptr<Merge> merge_;
  mutable std::string selfDevice_;  // "" until read

  struct ObservationCache {
    FileStamp file;
    std::optional<nlohmann::json> doc;  // nullopt: no (or a damaged) file
  };
  void Invalidate() const;
  // The site's observation file as last read (nullopt: none, or damaged);
  // valid until the next call for that site.
  Result<const std::optional<nlohmann::json>*> CachedObservation(const std::string& site) const;

  std::filesystem::path dir_;
  Env* env_;
  mutable std::map<std::string, ObservationCache> observed_;  // by site
};

}  // namespace oneself::store
