// Locations as people write them, in the languages the sites speak:
// "Boston, MA", "Greater Boston", "Boston, Massachusetts, United States",
// "Großraum München", "Région de Paris", "Berlin, DE". docs/compare.md
// ("Locations") has the rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oneself::compare {

// A location cut into its parts and normalized; what each part is (a city,
// a region, a country) is decided when two places are compared, against
// each other, so that preparing a canonical profile never needs the names
// of every country (compare/place_names.h).
struct Place {
  std::vector<std::string> parts;  // Normalize()d, in the order written
  // False when the first part may be a region or country rather than a city:
  // a canonical location whose `city` is empty ("Bavaria, Germany").
  bool cityFirst = true;
};

Place ParsePlace(std::string_view text, bool cityFirst = true);

enum class PlaceMatch {
  kSame,          // the same place, or one inside the other (a metro and its city)
  kLessSpecific,  // the observed names only regions or countries containing the canonical place
  kDifferent,     // a different city, or a part naming another region or country
};

PlaceMatch ComparePlaces(const Place& canonical, const Place& observed);

}  // namespace oneself::compare
