// This machine's device in a store folder (docs/store.md, "Devices"): which
// device it writes as, and what it last wrote, kept in files only this
// machine writes: <dir>/local/<key>/, where <key> hashes the machine id
// (Env::MachineId) and the store's absolute path. Two machines, or two
// stores on one machine, never share a key, so never a device; a folder
// copied to another machine or path finds no identity there and joins as a
// new device. local/ is listed in the folder's .stignore and .gitignore: it
// is not the sync engine's to carry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "oneself/status.h"
#include "store/env.h"

namespace oneself::store {

// Where the device's own journal ends: entries, byte offset, last hash.
struct JournalMark {
  int64_t entries = 0;
  uint64_t end = 0;
  std::string last;  // the genesis hash when empty
};

struct Identity {
  std::string device;
  JournalMark written;  // what this machine last wrote (or is writing)
  JournalMark before;   // the mark before that write: a crash may leave it
};

std::filesystem::path LocalDir(Env* env, const std::filesystem::path& dir);
std::filesystem::path DeviceDir(const std::filesystem::path& dir, const std::string& device);
std::filesystem::path DeviceJournal(const std::filesystem::path& dir, const std::string& device);

// nullopt when this machine has no device in this folder yet.
Result<std::optional<Identity>> ReadIdentity(Env* env, const std::filesystem::path& dir);
Status WriteIdentity(Env* env, const std::filesystem::path& dir, const Identity& identity);

// Creates `path` and every folder between `dir` (the store) and it, each
// 0700: mkdir -p would leave the ones on the way to the umask.
Status CreateDirIn(Env* env, const std::filesystem::path& dir, const std::filesystem::path& path);

// 16 random hex digits.
std::string NewDeviceId();

// Before a write: the device's journal must end exactly where this machine
// left it. If a crash cut this machine's last append short, `identity` is
// set back to `before` and the torn bytes are truncated away. Anything else
// (more entries than this machine wrote, fewer, other bytes) means another
// machine writes as this device, or the file was rolled back: kStoreError
// naming the cause and the command that gives this machine a new device.
// `repair` false: only checks (verify), never truncates.
Status CheckOwnJournal(Env* env, const std::filesystem::path& dir, Identity& identity,
                       bool repair = true);

// Writes .stignore and .gitignore naming local/ (only if they lack it).
Status WriteIgnoreFiles(Env* env, const std::filesystem::path& dir);

// The command a refusal names.
inline constexpr std::string_view kNewDeviceCommand = "oneself init --new-device";

}  // namespace oneself::store
