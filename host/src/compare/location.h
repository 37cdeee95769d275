// Locations as people write them: "Boston, MA", "Greater Boston",
// "Boston, Massachusetts, United States", "SF Bay Area", "Berlin, DE".
#pragma once

#include <string>
#include <string_view>

namespace oneself::compare {

struct Place {
  std::string city;     // normalized core place name ("boston", "san francisco")
  bool metro = false;   // "Greater Boston", "Boston Metropolitan Area", "SF Bay Area"
  std::string region;   // US state code ("MA") when known, else normalized region text
  std::string country;  // ISO 3166-1 alpha-2 ("US") when known
  bool unknown = false; // some part was neither a known region/country nor a place name
  // "CA", "DE", "IN": a two-letter code read as a US state that is also a
  // country code; ComparePlaces reads it as that country when the other side
  // is in that country ("Berlin, DE").
  std::string altCountry;
};

Place ParsePlace(std::string_view text);

enum class PlaceMatch {
  kSame,         // the same place, or one inside the other (a metro and its city)
  kLessSpecific, // the observed place is only a region or country containing the canonical
  kDifferent,    // a different city, region or country
};

PlaceMatch ComparePlaces(const Place& canonical, const Place& observed);

}  // namespace oneself::compare
