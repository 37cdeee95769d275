// What an import would change, field by field, for the person to see before
// it is written (`import` with dryRun) and after (its reply).
#pragma once

#include <nlohmann/json.hpp>

#include "oneself/status.h"
#include "store/store.h"

namespace oneself::commands {

// Changes from `before` to `after` (two profiles), leaf by leaf:
// [{"field": "headline", "from": "old", "to": "new"}, {"field":
// "work[0].title", ...}, {"field": "work[2].employer", "from": null, "to":
// "Lumen Labs"}]. null stands for "absent". Objects are followed to their
// fields and lists to their items (a field added or removed whole too), so
// a changed title is one line, not the whole work history.
nlohmann::json FieldChanges(const nlohmann::json& before, const nlohmann::json& after);

// The top-level profile fields among `fields` whose value the person last
// set by hand (from the command line or the options page, not an import),
// with the revision and its source: {"headline": {"revision": 4, "source":
// "cli"}}.
Result<nlohmann::json> SetByHand(const store::Store& store, const nlohmann::json& fields);

}  // namespace oneself::commands
