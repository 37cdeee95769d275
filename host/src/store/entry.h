// One line of a device's journal (devices/<id>/journal.jsonl, docs/store.md):
//   {"changes":{"/profile/headline":"Staff engineer","/sites/x/policy":null},
//    "clock":[1764064800000,0],"device":"3f0c...","name"?:"laptop",
//    "prev":"<sha256 hex of the previous line>","revertedTo"?:N,
//    "seen":{"<other device>":K,...},"seq":N,"source":"cli",
//    "time":"2026-11-25T10:00:00Z"}
// `changes` maps each leaf path (a JSON Pointer into the document: objects
// are walked, an array or a text is one leaf) to its new value, null meaning
// removed. `clock` is a hybrid logical clock: wall milliseconds and a
// counter, greater than every clock the device had seen. `seen` is what the
// device had merged of every other device when it wrote: their entry counts
// (a version vector), which makes two writes comparable: one saw the other,
// or they were concurrent.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::store {

struct Clock {
  int64_t wall = 0;  // milliseconds since the epoch
  int64_t counter = 0;
  auto operator<=>(const Clock&) const = default;
};

struct Entry {
  std::string device;
  int64_t seq = 0;  // 1, 2, 3 ... in its device's journal
  Clock clock;
  std::string time;  // RFC 3339 UTC, for people
  std::string source;
  nlohmann::json changes = nlohmann::json::object();  // leaf pointer -> value|null
  std::map<std::string, int64_t> seen;                 // other device -> entries merged
  std::optional<int64_t> revertedTo;
  std::optional<std::string> name;  // the device's name, set by this entry
  std::string prev;
};

// Orders entries and writes across devices: the clock, then the device id.
inline bool Later(const Clock& a, const std::string& deviceA, const Clock& b,
                  const std::string& deviceB) {
  return a != b ? a > b : deviceA > deviceB;
}

// A device id: 16 lowercase hex digits.
bool IsDeviceId(std::string_view id);

Result<std::string> EncodeEntry(const Entry& entry);
// kStoreError if the bytes are not an entry.
Result<Entry> DecodeEntry(std::string_view bytes);

}  // namespace oneself::store
