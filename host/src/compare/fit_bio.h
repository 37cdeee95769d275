// Choosing the bio a site should show: the site's override, else the longest
// canonical variant within the site's limit, else the shortest variant cut short.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "compare/canonical.h"
#include "sites/site_table.h"

namespace oneself::compare {

struct FittedBio {
  std::string text;
  size_t length = 0;        // in the site's counting
  std::optional<int> limit; // the site's bio limit, if it has one
  bool truncated = false;
  std::string source;       // "override", "short", "medium", "long", "about"
};

// nullopt when the canonical profile has no bio and the site no override.
// `overrides` is sites[site].overrides or null.
std::optional<FittedBio> Fit(const Canonical& canon, const sites::Site& site,
                             const nlohmann::json* overrides);

// Cuts `text` to at most `limit` (counted the site's way) including a
// trailing ellipsis, at a sentence end if that keeps at least half, else at a
// word boundary, else at a grapheme boundary. Never splits a grapheme.
std::string CutToFit(std::string_view text, sites::Counting counting, size_t limit);

}  // namespace oneself::compare
