// Dotted field paths as the CLI spells them ("name.full", "bio.short",
// "sites.x.policy") and the flattened view `show` prints.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::cli {

// Splits "name.full" into {"name", "full"}, and "work[0].title" into
// {"work", "0", "title"}; bad_request for an empty part. A site setting's
// site is given its id ("sites.Twitter.policy" is sites.x.policy).
Result<std::vector<std::string>> SplitPath(const std::string& path);

// The value at `parts` under `root`, or nullptr.
const nlohmann::json* Lookup(const nlohmann::json& root, const std::vector<std::string>& parts);

// A merge patch setting `parts` to `value` ({"name": {"full": value}}).
nlohmann::json PatchFor(const std::vector<std::string>& parts, nlohmann::json value);

// "name.full: Ada Whitfield" lines, arrays as "work[0].title".
void Flatten(const nlohmann::json& value, const std::string& prefix, std::vector<std::string>& lines);

// A value as a person reads it: strings bare, the rest as compact JSON.
std::string Display(const nlohmann::json& value);

}  // namespace oneself::cli
