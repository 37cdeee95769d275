// The merge of every device's journal into one document (docs/store.md,
// "Merge"). Pure, no I/O: store.cpp reads the journals and folds their
// entries in; the fault model in tests/host drives it directly.
//
// The rule, per leaf path (store/leaves.h): of the writes of that path, the
// one with the greatest (clock, device) is shown. A write supersedes another
// when its device had seen it (its `seen` count for the other device reaches
// the other's seq; a device sees all its own earlier entries). The writes no
// other write supersedes are the path's frontier: more than one value there
// is a conflict, kept and listed until a write that saw them all. Both depend
// only on the set of entries, never on the order they were folded in, so two
// machines holding the same files show the same profile and sites.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/entry.h"

namespace oneself::store {

struct Write {
  int64_t seq = 0;
  Clock clock;
  std::string time;
  nlohmann::json value;  // null: removed
  std::map<std::string, int64_t> seen;
};

struct DeviceSeen {
  int64_t entries = 0;  // lines merged
  uint64_t end = 0;     // byte offset after the last merged line
  std::string last;     // hash of that line (the genesis hash before any)
  std::string name;
  Clock clock;          // of the last merged line
  std::string time;
};

struct ConflictValue {
  std::string device;
  std::string time;
  nlohmann::json value;
};
struct Conflict {
  std::string path;  // JSON Pointer
  std::vector<ConflictValue> values;  // the shown one first
};

class Merged {
 public:
  // Folds the next entry of `entry.device` (its seq must be one more than the
  // device's count) and records where its line ended.
  void Fold(const Entry& entry, uint64_t end, const std::string& hash);

  // {"profile", "sites", "previous"}.
  const nlohmann::json& doc() const { return doc_; }
  // Entries that changed something, over every device: the merged revision.
  int64_t revision() const { return revision_; }
  const std::string& updated() const { return updated_; }
  const Clock& maxClock() const { return maxClock_; }
  const std::map<std::string, DeviceSeen>& devices() const { return devices_; }
  // What a new entry says it has seen: every device's count.
  std::map<std::string, int64_t> SeenCounts() const;
  std::vector<Conflict> Conflicts() const;
  size_t ConflictCount() const;
  // Paths in conflict, for a write that names them to resolve them.
  std::vector<std::string> ConflictedPaths() const;

  nlohmann::json ToJson() const;
  static bool FromJson(const nlohmann::json& j, Merged* out);

 private:
  // The writes of a path that no other write of it supersedes.
  std::vector<std::pair<std::string, const Write*>> Frontier(
      const std::map<std::string, Write>& byDevice) const;
  // The shown write: greatest (clock, device); nullptr when none.
  static const std::pair<const std::string, Write>* Winner(const std::map<std::string, Write>& byDevice);

  nlohmann::json doc_ = nlohmann::json{{"profile", nlohmann::json::object()},
                                       {"sites", nlohmann::json::object()},
                                       {"previous", nlohmann::json::object()}};
  int64_t revision_ = 0;
  std::string updated_;
  Clock maxClock_;
  std::map<std::string, DeviceSeen> devices_;
  std::map<std::string, std::map<std::string, Write>> latest_;  // path -> device -> its latest write
};

}  // namespace oneself::store
