// This machine's device: made on first use (joining whatever devices the
// folder already holds), and a store of the single-journal format
// (profile.json + journal.jsonl) upgraded into it. Callers hold this
// machine's lock.
#pragma once

#include <filesystem>
#include <string>

#include "oneself/status.h"
#include "store/device.h"
#include "store/entry.h"
#include "store/env.h"

namespace oneself::store {

struct Ensured {
  std::string device;
  bool created = false;
  bool migrated = false;
};

// This machine's device, made if it has none (or `newDevice`): a first entry
// naming it (Env::HostName). A store of the old format is upgraded into it:
// each revision becomes one entry with its time, source and revert, the
// result is checked against profile.json, and the old files are moved into
// devices/<id>/legacy/ (kept, no longer read).
Result<Ensured> EnsureDevice(Env* env, const std::filesystem::path& dir, bool newDevice);

// Appends `entry` (the device's next) to its journal. The identity file
// records the new end first, with the old one as `before`: a crash between
// the two leaves a mark CheckOwnJournal accepts, and no other state.
Status AppendEntry(Env* env, const std::filesystem::path& dir, Identity& identity,
                   const Entry& entry);

}  // namespace oneself::store
