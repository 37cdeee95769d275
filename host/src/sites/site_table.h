// The site table: every supported site's fields and limits, as data, in one
// place (site_table.cpp), each limit with the source it was taken from.
#pragma once

#include <span>
#include <string_view>

namespace oneself::sites {

// How a site counts the length of a text.
enum class Counting {
  kCodePoints,         // most sites
  kGraphemes,          // Bluesky
  kCodePointsUrl23,    // X: code points, every URL counts as 23
};

struct FieldLimit {
  std::string_view field;   // a check field name: "name", "bio", ... or a site-specific one ("firstName")
  int max;                  // the limit, in the site's Counting
  std::string_view source;  // where the number comes from
};

struct Site {
  std::string_view id;       // "linkedin", "x", ...
  std::string_view name;     // "LinkedIn", "X", ...
  Counting counting;
  std::span<const FieldLimit> limits;
};

std::span<const Site> AllSites();
// A site's policy when the store sets none (docs/store.md): every field is checked.
inline constexpr std::string_view kDefaultPolicy = "professional";

// Site ids match without regard to case; "twitter" is "x". nullptr if unknown.
const Site* FindSite(std::string_view idOrNetwork);
// The limit of `field` on `site`, or nullptr.
const FieldLimit* FindLimit(const Site& site, std::string_view field);

}  // namespace oneself::sites
