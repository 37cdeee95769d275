// The fields a `check` compares, in the order they are checked and reported.
// One list for the engine, the requests that name a field (ignore.add) and
// the store's settings (ignores, which ignore.remove must be able to take
// back), so a field added to the engine is known everywhere at once.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace oneself::compare {

// firstName/lastName (the two inputs of LinkedIn's and Google's name forms)
// come after name: their rule stays quiet about what the name's warning says.
inline constexpr std::array<std::string_view, 12> kCheckedFields{
    "name",     "firstName", "lastName", "headline", "title", "employer",
    "location", "website",   "links",    "bio",      "experience", "photo"};

constexpr bool IsCheckedField(std::string_view field) {
  return std::find(kCheckedFields.begin(), kCheckedFields.end(), field) != kCheckedFields.end();
}

}  // namespace oneself::compare
