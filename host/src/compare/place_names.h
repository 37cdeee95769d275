// What a country or region is called, in every language the system knows:
// country names from ICU's display names (every locale's "Countries" tables,
// short and variant forms included), ISO 3166 countries and subdivisions
// with their translations from the iso-codes package, and CLDR's
// subdivision names (unicode-cldr-core). Nothing here is a hand-written
// list of names; see docs/compare.md ("Locations").
//
// The index is built once per process, on the first call that needs it: a
// check whose location is settled by its text alone (most are) never pays
// for it. bench/README.md has what building it costs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oneself::compare::places {

// An area is an ISO code in upper case: "DE" (a country) or "DE-BY" (a
// subdivision of that country).
inline bool IsCountry(std::string_view area) { return area.size() == 2; }
inline std::string_view CountryOf(std::string_view area) { return area.substr(0, 2); }

// The areas a Normalize()d text names in some language ("bavaria", "bayern",
// "baviere" -> DE-BY; "allemagne" -> DE). Empty when it names none.
std::vector<std::string> AreasNamed(std::string_view loose);

// The areas a Normalize()d code stands for: ISO 3166-1 alpha-2 and alpha-3
// ("de", "deu" -> DE) and the subdivision codes people write after a city
// in the countries where that is the custom ("ma" -> US-MA, "sp" -> BR-SP).
// Kept apart from names because a code is read only after a place name
// ("Berlin, DE"), never as a place of its own.
std::vector<std::string> AreasCoded(std::string_view loose);

// The subdivision an ISO 3166-2 subdivision lies in ("FR-75" -> "FR-IDF"),
// or "" for a top-level one.
std::string_view ParentOf(std::string_view area);

// Whether this process has built the index (tests, the benchmark).
bool IndexBuilt();

// How many names and codes the index holds, building it if needed (tests
// and the benchmark).
size_t IndexSize();

}  // namespace oneself::compare::places
