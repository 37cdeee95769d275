#include "compare/location.h"

#include <algorithm>
#include <array>
#include <vector>

#include "compare/text.h"

namespace oneself::compare {
namespace {

struct State {
  std::string_view code;  // lower case, as Normalize() leaves it
  std::string_view name;
};
constexpr std::array<State, 51> kStates{{
    {"al", "alabama"}, {"ak", "alaska"}, {"az", "arizona"}, {"ar", "arkansas"},
    {"ca", "california"}, {"co", "colorado"}, {"ct", "connecticut"}, {"de", "delaware"},
    {"fl", "florida"}, {"ga", "georgia"}, {"hi", "hawaii"}, {"id", "idaho"},
    {"il", "illinois"}, {"in", "indiana"}, {"ia", "iowa"}, {"ks", "kansas"},
    {"ky", "kentucky"}, {"la", "louisiana"}, {"me", "maine"}, {"md", "maryland"},
    {"ma", "massachusetts"}, {"mi", "michigan"}, {"mn", "minnesota"}, {"ms", "mississippi"},
    {"mo", "missouri"}, {"mt", "montana"}, {"ne", "nebraska"}, {"nv", "nevada"},
    {"nh", "new hampshire"}, {"nj", "new jersey"}, {"nm", "new mexico"}, {"ny", "new york"},
    {"nc", "north carolina"}, {"nd", "north dakota"}, {"oh", "ohio"}, {"ok", "oklahoma"},
    {"or", "oregon"}, {"pa", "pennsylvania"}, {"ri", "rhode island"}, {"sc", "south carolina"},
    {"sd", "south dakota"}, {"tn", "tennessee"}, {"tx", "texas"}, {"ut", "utah"},
    {"vt", "vermont"}, {"va", "virginia"}, {"wa", "washington"}, {"wv", "west virginia"},
    {"wi", "wisconsin"}, {"wy", "wyoming"}, {"dc", "district of columbia"},
}};

struct Country {
  std::string_view iso2;  // lower case
  std::string_view iso3;
  std::string_view names;  // normalized names separated by ';'
};
constexpr std::array<Country, 48> kCountries{{
    {"us", "usa", "united states;united states of america;us;usa;america"},
    {"gb", "gbr", "united kingdom;uk;great britain;england;scotland;wales;britain"},
    {"ca", "can", "canada"}, {"de", "deu", "germany;deutschland"}, {"fr", "fra", "france"},
    {"es", "esp", "spain;espana"}, {"it", "ita", "italy;italia"},
    {"nl", "nld", "netherlands;the netherlands;holland"}, {"be", "bel", "belgium"},
    {"ch", "che", "switzerland;schweiz;suisse"}, {"at", "aut", "austria;osterreich"},
    {"se", "swe", "sweden;sverige"}, {"no", "nor", "norway;norge"}, {"dk", "dnk", "denmark"},
    {"fi", "fin", "finland;suomi"}, {"ie", "irl", "ireland"}, {"pt", "prt", "portugal"},
    {"pl", "pol", "poland;polska"}, {"cz", "cze", "czechia;czech republic"},
    {"gr", "grc", "greece"}, {"ro", "rou", "romania"}, {"hu", "hun", "hungary"},
    {"ua", "ukr", "ukraine"}, {"tr", "tur", "turkey;turkiye"}, {"il", "isr", "israel"},
    {"ae", "are", "united arab emirates;uae"}, {"in", "ind", "india"},
    {"cn", "chn", "china"}, {"jp", "jpn", "japan"}, {"kr", "kor", "south korea;korea"},
    {"sg", "sgp", "singapore"}, {"au", "aus", "australia"}, {"nz", "nzl", "new zealand"},
    {"br", "bra", "brazil;brasil"}, {"mx", "mex", "mexico"}, {"ar", "arg", "argentina"},
    {"cl", "chl", "chile"}, {"co", "col", "colombia"}, {"za", "zaf", "south africa"},
    {"ng", "nga", "nigeria"}, {"ke", "ken", "kenya"}, {"eg", "egy", "egypt"},
    {"ru", "rus", "russia;russian federation"}, {"ee", "est", "estonia"},
    {"lt", "ltu", "lithuania"}, {"lv", "lva", "latvia"}, {"is", "isl", "iceland"},
    {"pk", "pak", "pakistan"},
}};

// Metro areas and the places they contain. `names` are the normalized ways the
// area is written once "greater", "metropolitan area", "area" are stripped.
struct Metro {
  std::string_view core;    // the core city
  std::string_view names;   // ';'-separated aliases of the area
  std::string_view cities;  // ';'-separated places inside it
};
constexpr std::array<Metro, 10> kMetros{{
    {"san francisco", "san francisco bay;sf bay;bay;san francisco;sf",
     "san francisco;oakland;san jose;berkeley;palo alto;mountain view;sunnyvale;menlo park;"
     "redwood city;santa clara;cupertino;fremont;san mateo;emeryville;south san francisco"},
    {"boston", "boston",
     "boston;cambridge;somerville;brookline;newton;quincy;waltham;medford;watertown;lexington"},
    {"new york", "new york city;new york;nyc;tri state",
     "new york;brooklyn;manhattan;queens;bronx;staten island;jersey city;hoboken;newark"},
    {"seattle", "seattle", "seattle;bellevue;redmond;kirkland;tacoma;bothell"},
    {"los angeles", "los angeles;la", "los angeles;santa monica;pasadena;burbank;long beach;culver city"},
    {"london", "london", "london"},
    {"chicago", "chicago;chicagoland", "chicago;evanston;oak park"},
    {"washington", "washington dc;washington;dc;dmv",
     "washington;arlington;alexandria;bethesda;silver spring"},
    {"austin", "austin", "austin;round rock"},
    {"denver", "denver", "denver;boulder;aurora"},
}};

// City spellings that mean the same place.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kCityAliases{{
    {"nyc", "new york"}, {"new york city", "new york"}, {"sf", "san francisco"},
    {"la", "los angeles"}, {"washington dc", "washington"}, {"st louis", "saint louis"},
    {"muenchen", "munich"}, {"munchen", "munich"},
}};

// Whether `item` is one of the ';'-separated entries of `list`. Searches for
// the item and checks that it is a whole entry, rather than splitting the list
// at every ';': an observed location is looked up in every table on each check.
bool InList(std::string_view list, std::string_view item) {
  for (size_t pos = list.find(item); pos != std::string_view::npos; pos = list.find(item, pos + 1)) {
    const size_t end = pos + item.size();
    if ((pos == 0 || list[pos - 1] == ';') && (end == list.size() || list[end] == ';')) return true;
  }
  return false;
}

const State* FindState(std::string_view s) {
  for (const State& st : kStates) {
    if (st.code == s || st.name == s) return &st;
  }
  return nullptr;
}

const Country* FindCountry(std::string_view s) {
  for (const Country& c : kCountries) {
    if (c.iso2 == s || c.iso3 == s || InList(c.names, s)) return &c;
  }
  return nullptr;
}

const Metro* FindMetro(std::string_view s) {
  for (const Metro& m : kMetros) {
    if (InList(m.names, s)) return &m;
  }
  return nullptr;
}

bool StripPrefix(std::string& s, std::string_view p) {
  if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
    s.erase(0, p.size());
    return true;
  }
  return false;
}
bool StripSuffix(std::string& s, std::string_view p) {
  if (s.size() > p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) {
    s.erase(s.size() - p.size());
    return true;
  }
  return false;
}

// Sets place.city / place.metro from one segment ("greater boston area").
void ParseCity(std::string seg, Place& place) {
  bool metro = StripPrefix(seg, "greater ");
  for (std::string_view suffix : {" metropolitan area", " metro area", " metroplex", " metro",
                                  " area"}) {
    if (StripSuffix(seg, suffix)) {
      metro = true;
      break;
    }
  }
  if (StripSuffix(seg, " bay")) {
    metro = true;
    seg += " bay";
  }
  if (metro) {
    if (const Metro* m = FindMetro(seg)) seg = std::string(m->core);
  }
  for (const auto& [alias, city] : kCityAliases) {
    if (seg == alias) seg = std::string(city);
  }
  place.city = std::move(seg);
  place.metro = metro;
}

bool Contains(const Place& area, std::string_view city) {
  if (!area.metro) return false;
  if (area.city == city) return true;
  for (const Metro& m : kMetros) {
    if (m.core == area.city) return InList(m.cities, city);
  }
  return false;
}

}  // namespace

Place ParsePlace(std::string_view textIn) {
  Place place;
  // Segments at commas, each normalized.
  std::vector<std::string> segs;
  size_t start = 0;
  while (start <= textIn.size()) {
    size_t end = textIn.find_first_of(",/|", start);
    if (end == std::string_view::npos) end = textIn.size();
    std::string seg = text::Normalize(textIn.substr(start, end - start));
    if (!seg.empty()) segs.push_back(std::move(seg));
    start = end + 1;
  }
  // From the end: country, then state, then the place.
  while (!segs.empty()) {
    const std::string& last = segs.back();
    const State* state = FindState(last);
    const Country* country = FindCountry(last);
    if (place.region.empty() && place.country.empty() && segs.size() > 1 && state &&
        country && last.size() == 2) {
      place.region = std::string(state->code);
      place.country = "us";
      place.altCountry = std::string(country->iso2);
    } else if (place.country.empty() && segs.size() > 1 && country) {
      place.country = std::string(FindCountry(last)->iso2);
    } else if (place.region.empty() && segs.size() > 1 && FindState(last)) {
      place.region = std::string(FindState(last)->code);
      if (place.country.empty()) place.country = "us";
    } else {
      break;
    }
    segs.pop_back();
  }
  if (segs.empty()) return place;
  if (segs.size() == 1) {
    const std::string& only = segs[0];
    // A lone segment: a state or country name is that, not a city. "New York"
    // and "Washington" are cities first: people who mean the state say so.
    if (FindMetro(only) == nullptr && only != "washington" && only != "new york") {
      if (place.region.empty() && FindState(only) && only.size() > 2) {
        place.region = std::string(FindState(only)->code);
        if (place.country.empty()) place.country = "us";
        return place;
      }
      if (place.country.empty() && FindCountry(only)) {
        place.country = std::string(FindCountry(only)->iso2);
        return place;
      }
    }
  }
  ParseCity(segs[0], place);
  // Middle segments (a county, a neighbourhood) we do not know: remember that
  // the text said more than we understood.
  if (segs.size() > 1) place.unknown = true;
  return place;
}

namespace {
// Reads an ambiguous state code as its country when the other side says so.
Place Disambiguate(Place p, const Place& other) {
  if (!p.altCountry.empty() && other.country == p.altCountry) {
    p.country = p.altCountry;
    p.region.clear();
  }
  return p;
}
}  // namespace

PlaceMatch ComparePlaces(const Place& cIn, const Place& oIn) {
  const Place c = Disambiguate(cIn, oIn);
  const Place o = Disambiguate(oIn, c);
  if (!c.country.empty() && !o.country.empty() && c.country != o.country) return PlaceMatch::kDifferent;
  if (!c.region.empty() && !o.region.empty() && c.region != o.region) return PlaceMatch::kDifferent;
  if (o.city.empty()) {
    if (c.city.empty() && c.region.empty() && c.country.empty()) return PlaceMatch::kDifferent;
    // Observed is only a region or country: consistent with the canonical one
    // (checked above) but says less.
    if (o.region.empty() && o.country.empty()) return PlaceMatch::kDifferent;
    if (c.city.empty() && c.region == o.region && c.country == o.country) return PlaceMatch::kSame;
    return PlaceMatch::kLessSpecific;
  }
  if (c.city.empty()) {
    // Canonical is a region or country; a city given on the site is inside it
    // only if what it names agrees (checked above) and it said its region.
    return (!o.region.empty() || !o.country.empty()) ? PlaceMatch::kSame : PlaceMatch::kDifferent;
  }
  if (c.city == o.city) return PlaceMatch::kSame;
  if (Contains(c, o.city) || Contains(o, c.city)) return PlaceMatch::kSame;
  return PlaceMatch::kDifferent;
}

}  // namespace oneself::compare
