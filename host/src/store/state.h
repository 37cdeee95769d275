// Internal to the store: reading the current state from profile.json and the
// journal's tail, shared by store.cpp, verify.cpp and observations.cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <exception>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"
#include "store/env.h"
#include "store/store_format.h"

namespace oneself::store {

// What profile.json says.
struct Head {
  bool exists = false;  // false: no profile.json, an empty revision 0
  int64_t revision = 0;
  std::string updated;
  std::string journalHash{format::kGenesisHash};  // hash of the line that made `revision`
  nlohmann::json doc;
};

// The current state: profile.json, rolled forward in memory when the
// journal's last line is exactly one revision ahead (a writer died between
// appending the journal and replacing profile.json: the write-ahead order
// makes that line the truth).
struct Current {
  Head head;
  bool rolledForward = false;
  uint64_t journalEnd = 0;   // end of the last complete journal line
  uint64_t journalSize = 0;  // > journalEnd when a crash left a partial line
};

std::filesystem::path PathIn(const std::filesystem::path& dir, std::string_view name);

Result<Head> ReadProfileFile(Env* env, const std::filesystem::path& dir);
std::string EncodeProfileFile(const Head& head);

// Reads profile.json and the journal's tail (never the whole journal).
// kStoreError when the two disagree in a way a crash cannot explain.
Result<Current> ReadCurrent(Env* env, const std::filesystem::path& dir);

// Runs `body`, turning an exception into a Status: nothing throws across the
// store's boundary, even when a damaged file parses as JSON of the wrong shape.
template <typename R, typename F>
R NoThrow(F&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return Status::StoreError(std::string("the store's files are damaged (") + e.what() + ")");
  }
}

// RFC 3339 UTC with seconds: "2026-11-25T10:00:00Z".
std::string FormatTime(std::chrono::system_clock::time_point t);
// Seconds since the epoch of a FormatTime string; -1 if it is not one.
int64_t ParseTime(std::string_view text);

}  // namespace oneself::store
