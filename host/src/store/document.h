// The store document ({"profile", "sites", "previous"}, docs/store.md):
// validation, merge patches, and the per-revision change sets the journal
// records. Pure functions, no I/O.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::store {

// {"profile": {}, "sites": {}, "previous": {}}
nlohmann::json EmptyDocument();

// Checks "profile" and "sites" against the model. A wrong type, unknown key or
// out-of-range value is kBadRequest naming the field ("profile.work[2].start").
Status ValidateDocument(const nlohmann::json& doc);

// Applies an update patch {"profile"?: merge patch, "sites"?: merge patch}
// (RFC 7396 per top-level key; arrays replace wholly; null removes). Any other
// top-level key is kBadRequest. The result is not validated here.
Status ApplyUpdatePatch(nlohmann::json& doc, const nlohmann::json& patch);

// Removes the empty objects inside doc[part] ("profile", "sites"), at every
// depth; arrays and their elements are kept as they are. A patch that removes
// an object's last field leaves the object behind ({"bio": {}} once bio.short
// is removed), and it says nothing. Run on a validated document, so that an
// empty object given where a text belongs is refused, not taken as a removal.
void DropEmptyObjects(nlohmann::json& doc, std::string_view part);

// What changed between two documents, by top-level profile field and by site:
// {"headline": {"from": old|null, "to": new|null}, "sites.x": {...}}.
// null stands for "absent". `previous` is not compared (it is derived).
nlohmann::json DiffDocuments(const nlohmann::json& before, const nlohmann::json& after);

// Applies a change set forward (to-values) or backward (from-values).
// kStoreError if `changes` is not shaped as DiffDocuments makes it.
Status ApplyChanges(nlohmann::json& doc, const nlohmann::json& changes, bool forward);

}  // namespace oneself::store
