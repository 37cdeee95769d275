// The `previous` index: for the keys the engine can call "outdated" (name,
// headline, bio, location, website, employer, title), the last earlier values,
// newest first, each with the time it was replaced. Maintained on every
// revision so the engine never reads the journal.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace oneself::store {

// Updates `previous` ({"headline": [{"value", "until"}, ...], ...}) for a
// change of profile from `before` to `after` made at `time`. A value that is
// current again is dropped from its list; each list keeps format::kPreviousDepth.
void UpdatePrevious(nlohmann::json& previous, const nlohmann::json& before,
                    const nlohmann::json& after, const std::string& time);

}  // namespace oneself::store
