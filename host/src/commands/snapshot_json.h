// How a store snapshot looks on the wire (profile.get, profile.update,
// profile.revert, import all answer with it).
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace oneself::commands {

// {"revision", "updated", "profile", "sites", "previous"}
nlohmann::json SnapshotJson(const store::Snapshot& snapshot);

}  // namespace oneself::commands
