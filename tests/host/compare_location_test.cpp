// Locations: the rule (docs/compare.md, "Locations") on the place parser and
// comparer, and through `check` with the canonical location of the issue's
// examples (Munich, Bavaria, Germany). Country and region names come from
// ICU and iso-codes, so these also hold that the data is found and read.
#include <catch2/catch.hpp>

#include "compare/location.h"
#include "compare/place_names.h"
#include "compare_fixture.h"

using namespace compare_test;
using oneself::compare::ComparePlaces;
using oneself::compare::ParsePlace;
using oneself::compare::PlaceMatch;
namespace places = oneself::compare::places;

namespace {

PlaceMatch Compare(const char* canonical, const char* observed) {
  return ComparePlaces(ParsePlace(canonical), ParsePlace(observed));
}

bool Names(std::string_view loose, std::string_view area) {
  const auto areas = places::AreasNamed(loose);
  return std::find(areas.begin(), areas.end(), area) != areas.end();
}

const json kMunich = {{"profile",
                       {{"location",
                         {{"display", "Munich, Bavaria, Germany"},
                          {"city", "Munich"},
                          {"region", "Bavaria"},
                          {"countryCode", "DE"}}}}}};

// Severity and code of the one location warning, or "" when there is none.
std::string Judge(const json& patch, const std::string& observed) {
  const json result = RunCheck(Patched(patch), "linkedin", json{{"location", observed}});
  const auto warnings = WarningsFor(result, "location");
  if (warnings.empty()) return "";
  REQUIRE(warnings.size() == 1);
  return warnings[0]["severity"].get<std::string>() + " " + warnings[0]["code"].get<std::string>();
}

}  // namespace

TEST_CASE("locations: country and region names in many languages come from the system's data",
          "[compare][location]") {
  // ICU's display names, with short and variant forms.
  CHECK(Names("germany", "DE"));
  CHECK(Names("deutschland", "DE"));
  CHECK(Names("allemagne", "DE"));
  CHECK(Names("alemania", "DE"));
  CHECK(Names("alemanha", "DE"));
  CHECK(Names("duitsland", "DE"));
  CHECK(Names("france", "FR"));
  CHECK(Names("frankreich", "FR"));
  CHECK(Names("uk", "GB"));
  CHECK(Names("vereinigte staaten", "US"));
  // iso-codes' ISO 3166-2 subdivisions and their translations.
  CHECK(Names("bayern", "DE-BY"));
  CHECK(Names("bavaria", "DE-BY"));
  CHECK(Names("baviere", "DE-BY"));
  CHECK(Names("baviera", "DE-BY"));
  CHECK(Names("beieren", "DE-BY"));
  CHECK(Names("ile de france", "FR-IDF"));
  CHECK(Names("comunidad de madrid", "ES-MD"));
  CHECK(places::ParentOf("FR-75") == "FR-IDF");
  CHECK(places::IndexSize() > 20000);
}

TEST_CASE("locations: the issue's examples, canonical Munich, Bavaria, Germany", "[compare][location]") {
  CHECK(Judge(kMunich, "France") == "warning differs");
  CHECK(Judge(kMunich, "Bavaria, Germany") == "info differs");
  CHECK(Judge(kMunich, "Großraum München") == "");
  CHECK(Judge(kMunich, "Greater Munich Metropolitan Area") == "");
}

TEST_CASE("locations: a coarser location is info only when every part contains the canonical place",
          "[compare][location]") {
  const char* munich = "Munich, Bavaria, Germany";
  for (const char* less : {"Germany", "Deutschland", "Allemagne", "Bayern", "Bavière, Allemagne",
                           "Baviera, Alemania", "Bayern, Deutschland", "DE", "Beieren, Duitsland"}) {
    INFO(less);
    CHECK(Compare(munich, less) == PlaceMatch::kLessSpecific);
  }
  for (const char* other : {"France", "Frankreich", "Francia", "Hessen", "Hesse, Germany",
                            "Bayern, Österreich", "Île-de-France", "Austria", "Tirol, Österreich"}) {
    INFO(other);
    CHECK(Compare(munich, other) == PlaceMatch::kDifferent);
  }
}

TEST_CASE("locations: the same city name elsewhere differs when the page names where",
          "[compare][location]") {
  CHECK(Compare("Munich, Bavaria, Germany", "Munich, North Dakota") == PlaceMatch::kDifferent);
  CHECK(Compare("Munich, Bavaria, Germany", "Munich, ND, United States") == PlaceMatch::kDifferent);
  CHECK(Compare("Paris, France", "Paris, Texas") == PlaceMatch::kDifferent);
  CHECK(Compare("Paris, France", "Paris, TX") == PlaceMatch::kDifferent);
  CHECK(Compare("Paris, France", "Paris, Île-de-France") == PlaceMatch::kSame);
  CHECK(Compare("Paris, France", "Île-de-France") == PlaceMatch::kLessSpecific);
  CHECK(Compare("Boston, MA", "Boston, Lincolnshire") == PlaceMatch::kDifferent);
  CHECK(Compare("Boston, MA", "Boston, UK") == PlaceMatch::kDifferent);
  CHECK(Compare("London, UK", "London, Ontario") == PlaceMatch::kDifferent);
  CHECK(Compare("Berlin, Germany", "Berlin, NH") == PlaceMatch::kDifferent);
  CHECK(Compare("Berlin, Germany", "Bavaria") == PlaceMatch::kDifferent);  // Berlin is a Land of its own
}

TEST_CASE("locations: spacing, punctuation, codes and order of writing", "[compare][location]") {
  const char* boston = "Boston, MA";
  for (const char* same : {"Boston MA", "Boston,MA", "Boston MA, USA", "Boston Massachusetts",
                           "Boston, Massachusetts, United States", "Boston (MA)", "Boston, MA, US",
                           "Boston, Massachusetts, Vereinigte Staaten", "Boston, Massachusetts, États-Unis"}) {
    INFO(same);
    CHECK(Compare(boston, same) == PlaceMatch::kSame);
  }
  CHECK(Compare("Berlin, Germany", "Berlin, DE") == PlaceMatch::kSame);
  CHECK(Compare("Dover, Delaware", "Dover, DE") == PlaceMatch::kSame);
  CHECK(Compare(boston, "Massachusetts") == PlaceMatch::kLessSpecific);
  CHECK(Compare(boston, "Cambridge, MA") == PlaceMatch::kDifferent);
}

TEST_CASE("locations: metro-area phrasings in the sites' languages are the city's area",
          "[compare][location]") {
  struct Case {
    const char* canonical;
    const char* observed;
  };
  for (const Case& c : {Case{"Munich, Germany", "Großraum München"}, Case{"Munich, Germany", "München und Umgebung"},
                        Case{"Munich, Germany", "Metropolregion München"}, Case{"Paris, France", "Région de Paris"},
                        Case{"Lyon, France", "Lyon et périphérie"}, Case{"Madrid, Spain", "Área metropolitana de Madrid"},
                        Case{"Milan, Italy", "Area metropolitana di Milano"}, Case{"Milan, Italy", "Milano e dintorni"},
                        Case{"Amsterdam, Netherlands", "Regio Amsterdam"}, Case{"Amsterdam, Netherlands", "Amsterdam en omgeving"},
                        Case{"São Paulo, Brazil", "Grande São Paulo"}, Case{"São Paulo, Brazil", "Região Metropolitana de São Paulo"},
                        Case{"Boston, MA", "Greater Boston"}, Case{"Boston, MA", "Boston Metropolitan Area"},
                        Case{"San Francisco Bay Area", "Oakland, CA"}}) {
    INFO(c.canonical << " / " << c.observed);
    CHECK(Compare(c.canonical, c.observed) == PlaceMatch::kSame);
  }
  CHECK(Compare("Munich, Germany", "Großraum Stuttgart") == PlaceMatch::kDifferent);
  CHECK(Compare("Paris, France", "Région de Lyon") == PlaceMatch::kDifferent);
}

TEST_CASE("locations: a check whose location the text settles does not build the name index",
          "[compare][location]") {
  // CTest runs each test case in a process of its own, where nothing has
  // built the index yet; run in one process with the others, this can only
  // hold when it runs first.
  const bool before = places::IndexBuilt();
  const json result = RunCheck(AdaSnapshot(), "linkedin",
                               json{{"location", "Greater Boston"}, {"headline", "Staff SWE @ Lumen Labs"}});
  CHECK(WarningsFor(result, "location").empty());
  if (!before) CHECK_FALSE(places::IndexBuilt());
  CHECK(Judge(json::object(), "Boston, Lincolnshire") == "warning differs");
  CHECK(places::IndexBuilt());
}
