// The store's on-disk format, shared by the code that writes it and the code
// that reads and verifies it (docs/store.md describes the same in prose).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace oneself::store::format {

inline constexpr std::string_view kProfileFile = "profile.json";
inline constexpr std::string_view kJournalFile = "journal.jsonl";
inline constexpr std::string_view kObservationsDir = "observations";  // <site>.json each
// Where observations lived before they were split per site; read and moved.
inline constexpr std::string_view kLegacyObservationsFile = "observations.json";
inline constexpr std::string_view kLockFile = "lock";

// The synced layout: devices/<id>/journal.jsonl and devices/<id>/observations/,
// each written by one machine; local/<key>/ holds this machine's identity,
// lock and merged-view cache (never synced). The old format's profile.json
// and journal.jsonl move into devices/<id>/legacy/ when upgraded.
inline constexpr std::string_view kDevicesDir = "devices";
inline constexpr std::string_view kLocalDir = "local";
inline constexpr std::string_view kIdentityFile = "device.json";
inline constexpr std::string_view kMergedCacheFile = "merged.json";
inline constexpr std::string_view kLegacyDir = "legacy";

// profile.json: {"format": 1, "revision", "updated", "journal", "doc"}.
// "journal" is the SHA-256 of the journal line that made this revision, so a
// reader can tell whether profile.json and the journal's tail agree.
inline constexpr int kProfileFormat = 1;

// The "prev" of the first journal line (there is no line before it).
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
static_assert(kGenesisHash.size() == 64, "a SHA-256 in hex is 64 digits");

// Bounds that keep a hostile or corrupt document from exhausting memory and
// keep profile.get under the browsers' 1 MiB reply limit.
inline constexpr size_t kMaxStringBytes = 16 * 1024;     // the longest bio is 2,600 chars
inline constexpr size_t kMaxArrayItems = 500;
inline constexpr size_t kMaxDocumentBytes = 512 * 1024;  // serialized doc
inline constexpr size_t kMaxJournalLineBytes = 4 * 1024 * 1024;

// How many earlier values `previous` keeps per key.
inline constexpr size_t kPreviousDepth = 10;

// RecordObservation skips rewriting identical observations younger than this.
inline constexpr int kObservationRefreshSeconds = 60;

}  // namespace oneself::store::format
