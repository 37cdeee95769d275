// The document as leaves, the unit the merge works on: every path of
// "profile" and "sites" that profile.update addresses as one value. Objects
// are walked; anything else (a text, a number, a list such as `work` or a
// site's `ignores`, replaced whole by a merge patch) is one leaf. Paths are
// JSON Pointers ("/profile/name/full", "/sites/x/overrides/bio").
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace oneself::store {

// Every leaf of doc["profile"] and doc["sites"], by pointer.
std::map<std::string, nlohmann::json> Leaves(const nlohmann::json& doc);

// The leaves that differ between two documents: pointer -> the value in
// `after`, null where `after` lacks it.
nlohmann::json LeafChanges(const nlohmann::json& before, const nlohmann::json& after);

// Sets (or, for null, removes) one leaf, creating the objects on its way and
// removing the objects a removal leaves empty. A path through a value that
// is not an object is left alone (no valid document has one).
void SetLeaf(nlohmann::json& doc, const std::string& pointer, const nlohmann::json& value);

// "/profile/name/full" -> "name.full"; "/sites/x/policy" -> "sites.x.policy":
// how the CLI and docs name a field.
std::string FieldName(const std::string& pointer);

}  // namespace oneself::store
