// The profile's field paths as the CLI spells them, mirroring the store's
// model (store/document.cpp, docs/store.md): so that `get` and `set` tell an
// unknown field from one that is not set, suggest the field meant, and show
// the shape a value takes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oneself::cli {

enum class Shape {
  kText,
  kObject,    // given as JSON, or one part at a time
  kList,      // given whole, as JSON
  kListItem,  // a key inside each item of a list ("work.title"): read-only
};

struct FieldPath {
  std::string_view path;     // "name.full", "work", "work.title"
  Shape shape;
  std::string_view example;  // a command that sets it; empty for text
};

// Every profile path the CLI knows, in the store's order.
std::vector<FieldPath> AllFields();

// The entry for `parts` ({"work", "0", "title"} is "work.title"), or nullptr.
// Site settings ("sites", ...) are not in the table.
const FieldPath* FindField(const std::vector<std::string>& parts);

// The one of `known` nearest to `name`, if it is at most two edits away (the
// first on a tie), else empty.
std::string Nearest(std::string_view name, const std::vector<std::string>& known);

// "; did you mean headline?" when a known path (profile or site setting) is
// Nearest to `path`, else empty.
std::string DidYouMean(const std::string& path);

// "sites.x.policy", "sites.linkedin.overrides.bio": a site the table knows
// and a setting it has.
bool IsSiteSetting(const std::vector<std::string>& parts);

}  // namespace oneself::cli
