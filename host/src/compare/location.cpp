#include "compare/location.h"

#include <algorithm>
#include <array>
#include <optional>

#include "compare/place_names.h"
#include "compare/text.h"

namespace oneself::compare {
namespace {

// How the sites write "the area around X", in the languages LinkedIn speaks
// (Normalize()d: no case, no accents, "ß" as "ss"). A prefix and a suffix
// may both be there ("Greater Munich Metropolitan Area"). Longer first.
constexpr std::array<std::string_view, 27> kMetroPrefixes{
    "regiao metropolitana de ", "regiao metropolitana do ", "regiao metropolitana da ",
    "region metropolitana de ", "area metropolitana de ",   "area metropolitana di ",
    "area metropolitana do ",   "area metropolitana da ",   "zona metropolitana de ",
    "metropolitan area of ",    "agglomeration de ",        "metropoolregio ",
    "metropolregion ",          "grossraum ",               "regiao de ",
    "region de ",               "region du ",               "greater ",
    "regione ",                 "region ",                  "regiao ",
    "grande ",                  "regio ",                   "grand ",
    "gran ",                    "groot ",                   "stor ",
};
constexpr std::array<std::string_view, 20> kMetroSuffixes{
    " metropolitan region", " metropolitan area", " metro area", " metroplex", " metro",
    " und umgebung",        " en omgeving",       " et peripherie", " et environs", " e dintorni",
    " e arredores",         " e regiao",          " y alrededores", " metropolregion", " region",
    " omgeving",            " umgebung",          " bay area",      " area",          " regio",
};

// Metro areas and the places they contain, by their core city.
struct Metro {
  std::string_view core;    // the core city
  std::string_view names;   // ';'-separated names of the area, metro words removed
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

// A city's names in the languages the sites speak, where they differ from
// its English name, and its common short forms. The first name is the key
// compared. Country and region names come from data (place_names.h); no
// system package names cities, so the big ones people move between are
// listed here.
constexpr std::array<std::string_view, 40> kCityNames{
    "munich;munchen;muenchen;monaco di baviera;munique;munic",
    "cologne;koln;koeln;colonia",
    "nuremberg;nurnberg;nuernberg;norimberga",
    "frankfurt;frankfurt am main;francfort;francoforte;francfort sur le main",
    "dusseldorf;duesseldorf",
    "hanover;hannover;hanovre",
    "vienna;wien;vienne;viena",
    "zurich;zuerich;zurigo",
    "geneva;geneve;genf;ginevra;ginebra;genebra",
    "milan;milano;mailand;milao",
    "rome;roma;rom",
    "florence;firenze;florenz;florencia",
    "naples;napoli;neapel;napoles",
    "turin;torino;turim",
    "venice;venezia;venedig;venecia;veneza;venise",
    "lisbon;lisboa;lissabon;lisbonne;lisbona",
    "brussels;bruxelles;brussel;bruselas;bruxelas;bruessel",
    "antwerp;antwerpen;anvers;amberes;anversa",
    "the hague;den haag;la haye;la haya;laia;sgravenhage;haia",
    "copenhagen;kobenhavn;kopenhagen;copenhague;copenaghen",
    "prague;praha;prag;praga",
    "warsaw;warszawa;warschau;varsovie;varsavia;varsovia",
    "athens;athina;athen;athenes;atene;atenas",
    "london;londres;londra",
    "paris;parigi;parijs",
    "barcelona;barcelone;barcellona",
    "seville;sevilla;siviglia;sevilha",
    "moscow;moskva;moskau;moscou;mosca;moscu",
    "gothenburg;goteborg;goeteborg",
    "new york;nyc;new york city;nueva york;nova york;nova iorque",
    "mexico city;ciudad de mexico;cdmx;mexiko stadt",
    "sao paulo;san pablo",
    "san francisco;sf",
    "los angeles;la",
    "washington;washington dc",
    "saint louis;st louis",
    "strasbourg;strassburg;strasburgo",
    "marseille;marseilles;marsella;marsiglia;marselha",
    "basel;bale;basilea;basileia",
    "bruges;brugge;brujas",
};

// Whether `item` is one of the ';'-separated entries of `list`.
bool InList(std::string_view list, std::string_view item) {
  for (size_t pos = list.find(item); pos != std::string_view::npos; pos = list.find(item, pos + 1)) {
    const size_t end = pos + item.size();
    if ((pos == 0 || list[pos - 1] == ';') && (end == list.size() || list[end] == ';')) return true;
  }
  return false;
}

const Metro* FindMetro(std::string_view s) {
  for (const Metro& m : kMetros) {
    if (InList(m.names, s)) return &m;
  }
  return nullptr;
}

// The key of a city name: its first listed name, or the name itself.
std::string_view CityName(std::string_view s) {
  for (std::string_view names : kCityNames) {
    if (InList(names, s)) return names.substr(0, names.find(';'));
  }
  return s;
}

struct City {
  std::string key;     // "munich" for "Großraum München"
  bool metro = false;  // the area around it
};

City CityOf(std::string_view part) {
  std::string s(part);
  bool metro = false;
  for (std::string_view p : kMetroPrefixes) {
    if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
      s.erase(0, p.size());
      metro = true;
      break;
    }
  }
  for (std::string_view p : kMetroSuffixes) {
    if (s.size() > p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) {
      s.erase(s.size() - p.size());
      metro = true;
      if (p == " bay area") s += " bay";
      break;
    }
  }
  if (metro) {
    if (const Metro* m = FindMetro(s)) s = std::string(m->core);
  }
  return {std::string(CityName(s)), metro};
}

bool Contains(const City& area, std::string_view city) {
  if (!area.metro) return false;
  for (const Metro& m : kMetros) {
    if (m.core == area.key) return InList(m.cities, city);
  }
  return false;
}

// The same city, or an area and a place inside it, either way round.
bool SameCity(const City& a, const City& b) {
  return a.key == b.key || Contains(a, b.key) || Contains(b, a.key);
}

// Words that say a region is one ("Kanton Zürich", "Provincia di Bergamo"),
// which the names in the data leave out.
constexpr std::array<std::string_view, 14> kAreaWords{
    "kanton ",   "canton de ", "canton du ",  "cantone ",    "provincia di ", "provincia de ", "province de ",
    "province of ", "provincie ", "estado de ", "estado do ", "state of ",   "bundesland ", "land ",
};

// What a part may name: countries and regions by name in any language, and,
// where `codes`, by ISO code ("DE", "DEU", "MA" for Massachusetts).
std::vector<std::string> AreasOf(std::string_view part, bool codes) {
  std::vector<std::string> out = places::AreasNamed(part);
  if (out.empty()) {
    for (std::string_view word : kAreaWords) {
      if (part.size() > word.size() && part.substr(0, word.size()) == word) {
        out = places::AreasNamed(part.substr(word.size()));
        break;
      }
    }
  }
  if (codes && part.size() <= 3) {
    for (std::string& a : places::AreasCoded(part)) out.push_back(std::move(a));
  }
  return out;
}

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// A place read against the other side: its city (if the first part is one)
// and what each of its other parts may name.
struct Reading {
  std::optional<City> city;                         // none: the first part names an area
  std::vector<std::vector<std::string>> areaParts;  // the parts that name areas
};

// "Boston MA", "Boston Massachusetts": one part holding the city the other
// side names and a region or country after it.
std::vector<std::string> SplitCityFromArea(std::vector<std::string> parts, const City& other) {
  if (parts.empty() || SameCity(CityOf(parts[0]), other)) return parts;
  const std::vector<std::string_view> tokens = text::Tokens(parts[0]);
  for (size_t tail = 1; tail < tokens.size() && tail <= 3; ++tail) {
    const size_t headEnd = static_cast<size_t>(tokens[tokens.size() - tail].data() - parts[0].data()) - 1;
    const std::string head = parts[0].substr(0, headEnd);
    const std::string rest = parts[0].substr(headEnd + 1);
    if (!SameCity(CityOf(head), other) || AreasOf(rest, tail == 1).empty()) continue;
    parts[0] = head;
    parts.insert(parts.begin() + 1, rest);
    break;
  }
  return parts;
}

// The areas that contain the canonical place, from what it names.
struct Containers {
  std::vector<std::string> countries;  // empty: not known
  std::vector<std::string> regions;    // with every region they lie in
  std::vector<std::string> finest;     // an area-only place's own area
};

void AddWithParents(std::vector<std::string>& regions, std::string area) {
  while (!area.empty() && !Has(regions, area)) {
    regions.push_back(area);
    area = std::string(places::ParentOf(area));
  }
}

Containers ContainersOf(const Reading& c, const std::vector<std::string>& firstAreas) {
  Containers out;
  // The countries every named part agrees on; if they disagree, any of them.
  bool first = true;
  for (const auto& part : c.areaParts) {
    std::vector<std::string> countries;
    for (const std::string& a : part) {
      const std::string country(places::CountryOf(a));
      if (!Has(countries, country)) countries.push_back(country);
    }
    if (first) {
      out.countries = countries;
      first = false;
      continue;
    }
    std::vector<std::string> both;
    for (const std::string& k : out.countries) {
      if (Has(countries, k)) both.push_back(k);
    }
    if (!both.empty()) out.countries = std::move(both);
  }
  const auto inCountry = [&](std::string_view a) {
    return out.countries.empty() || Has(out.countries, places::CountryOf(a));
  };
  for (const auto& part : c.areaParts) {
    for (const std::string& a : part) {
      if (!places::IsCountry(a) && inCountry(a)) AddWithParents(out.regions, a);
    }
  }
  if (!c.city) {
    for (const std::string& a : c.areaParts.front()) {
      if (inCountry(a)) out.finest.push_back(a);
    }
  } else if (out.regions.empty()) {
    // A city that is a region of its own ("Berlin", "Hamburg", "Paris" as
    // a département) lies in that region.
    for (const std::string& a : firstAreas) {
      if (!places::IsCountry(a) && inCountry(a)) AddWithParents(out.regions, a);
    }
  }
  return out;
}

// `withCity`: the observed place names the canonical city too, so a region
// inside a canonical one ("Milano, MI" for Milan, Lombardy) is detail.
bool Consistent(const Containers& c, std::string_view area, bool withCity) {
  if (places::IsCountry(area)) return c.countries.empty() || Has(c.countries, area);
  if (Has(c.regions, area)) return true;
  if (withCity) {
    for (std::string_view up = places::ParentOf(area); !up.empty(); up = places::ParentOf(up)) {
      if (Has(c.regions, up)) return true;
    }
  }
  // The canonical place names no region: any region of its country may hold it.
  return c.regions.empty() && (c.countries.empty() || Has(c.countries, places::CountryOf(area)));
}

bool NamesFinest(const Containers& c, const Reading& o) {
  for (const auto& part : o.areaParts) {
    for (const std::string& a : part) {
      if (Has(c.finest, a)) return true;
    }
  }
  return false;
}

// Every part after the first that names an area; the first part too when it
// is not a city.
Reading Read(const std::vector<std::string>& parts, bool firstIsCity, const std::vector<std::string>& firstAreas) {
  Reading r;
  if (firstIsCity) {
    r.city = CityOf(parts[0]);
  } else {
    r.areaParts.push_back(firstAreas);
  }
  for (size_t i = parts.size(); i-- > 1;) {
    std::vector<std::string> areas = AreasOf(parts[i], true);
    // A part that names nothing we know (a county, a district) neither
    // confirms nor contradicts.
    if (!areas.empty()) r.areaParts.push_back(std::move(areas));
  }
  return r;
}

// Whether every observed part is one of the canonical parts after its city,
// as written: "Munich, Germany" and "Bavaria" for "Munich, Bavaria, Germany".
bool PartsWithin(const std::vector<std::string>& observed, size_t from, const std::vector<std::string>& canonical) {
  for (size_t i = from; i < observed.size(); ++i) {
    if (std::find(canonical.begin() + 1, canonical.end(), observed[i]) == canonical.end()) return false;
  }
  return true;
}

}  // namespace

Place ParsePlace(std::string_view text, bool cityFirst) {
  Place place;
  place.cityFirst = cityFirst;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",/|;()", start);
    if (end == std::string_view::npos) end = text.size();
    std::string part = text::Normalize(text.substr(start, end - start));
    if (!part.empty()) place.parts.push_back(std::move(part));
    start = end + 1;
  }
  return place;
}

PlaceMatch ComparePlaces(const Place& canonical, const Place& observed) {
  if (observed.parts.empty() || canonical.parts.empty()) return PlaceMatch::kDifferent;
  // What the text alone settles, without the names of every country: the
  // canonical city with parts the canonical location also writes, or only
  // such parts.
  const City cCity0 = CityOf(canonical.parts[0]);
  const City oCity0 = CityOf(observed.parts[0]);
  if (SameCity(cCity0, oCity0) && PartsWithin(observed.parts, 1, canonical.parts)) {
    return PlaceMatch::kSame;
  }
  if (canonical.parts.size() > 1 && PartsWithin(observed.parts, 0, canonical.parts)) {
    return PlaceMatch::kLessSpecific;
  }

  const std::vector<std::string> cParts = SplitCityFromArea(canonical.parts, oCity0);
  const std::vector<std::string> oParts = SplitCityFromArea(observed.parts, cCity0);
  const City cCity = CityOf(cParts[0]);
  const City oCity = CityOf(oParts[0]);
  // The canonical first part is a city unless the profile says it has none
  // and it names an area, or it is all there is and names an area.
  const std::vector<std::string> cFirstAreas = AreasOf(cParts[0], cParts.size() == 1);
  const bool cAreaOnly = !cFirstAreas.empty() && (!canonical.cityFirst || cParts.size() == 1) &&
                         !SameCity(cCity, oCity);
  const Reading c = Read(cParts, !cAreaOnly, cFirstAreas);
  // The observed first part is the canonical city, else an area it names,
  // else some other city.
  std::vector<std::string> oFirstAreas;
  if (!SameCity(cCity, oCity)) oFirstAreas = AreasOf(oParts[0], oParts.size() == 1);
  const Reading o = Read(oParts, oFirstAreas.empty(), oFirstAreas);

  const Containers containers = ContainersOf(c, cFirstAreas);
  const bool withCity = o.city && c.city && SameCity(*c.city, *o.city);
  for (const auto& part : o.areaParts) {
    if (std::none_of(part.begin(), part.end(),
                     [&](const std::string& a) { return Consistent(containers, a, withCity); })) {
      return PlaceMatch::kDifferent;  // it names another country or region
    }
  }
  if (o.city) {
    if (c.city) return SameCity(*c.city, *o.city) ? PlaceMatch::kSame : PlaceMatch::kDifferent;
    // A canonical region or country: a city is inside it when the page says
    // so by naming it.
    return NamesFinest(containers, o) ? PlaceMatch::kSame : PlaceMatch::kDifferent;
  }
  if (!c.city && NamesFinest(containers, o)) return PlaceMatch::kSame;
  return PlaceMatch::kLessSpecific;
}

}  // namespace oneself::compare
