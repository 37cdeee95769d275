#include "compare/canonical.h"

#include <algorithm>
#include <charconv>

#include "compare/text.h"
#include "compare/title.h"
#include "compare/website.h"
#include "compare/photo.h"

namespace oneself::compare {
namespace {

using nlohmann::json;

std::string StringAt(const json& obj, const char* key) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return std::string(text::Trim(it->get_ref<const std::string&>()));
}

std::vector<std::string> LooseTokens(std::string_view s) {
  std::vector<std::string> out;
  const std::string norm = text::Normalize(s);
  for (std::string_view t : text::Tokens(norm)) out.emplace_back(t);
  return out;
}

}  // namespace

std::optional<Month> ParseMonth(std::string_view s) {
  s = text::Trim(s);
  int year = 0;
  if (s.size() < 4) return std::nullopt;
  auto r = std::from_chars(s.data(), s.data() + 4, year);
  if (r.ec != std::errc() || r.ptr != s.data() + 4 || year < 1900 || year > 2200) return std::nullopt;
  if (s.size() == 4) return Month{year * 12, true};
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  int month = 0;
  r = std::from_chars(s.data() + 5, s.data() + 7, month);
  if (r.ec != std::errc() || r.ptr != s.data() + 7 || month < 1 || month > 12) return std::nullopt;
  return Month{year * 12 + month - 1, false};
}

NameModel BuildName(const json& name) {
  NameModel m;
  if (name.is_string()) {
    m.full = std::string(text::Trim(name.get_ref<const std::string&>()));
  } else if (name.is_object()) {
    m.full = StringAt(name, "full");
    m.given = LooseTokens(StringAt(name, "given"));
    m.family = LooseTokens(StringAt(name, "family"));
    const auto nick = name.find("nicknames");
    if (nick != name.end() && nick->is_array()) {
      for (const auto& n : *nick) {
        if (!n.is_string()) continue;
        for (auto& t : LooseTokens(n.get_ref<const std::string&>())) m.nicknames.push_back(std::move(t));
      }
    }
  }
  if (name.is_object()) {
    m.givenText = StringAt(name, "given");
    m.familyText = StringAt(name, "family");
  }
  std::vector<std::string> full = LooseTokens(m.full);
  if (m.full.empty() && (!m.given.empty() || !m.family.empty())) {
    m.full = StringAt(name, "given");
    const std::string family = StringAt(name, "family");
    if (!family.empty()) m.full += (m.full.empty() ? "" : " ") + family;
    full = LooseTokens(m.full);
  }
  if (m.given.empty() && m.family.empty() && !full.empty()) {
    m.given.push_back(full.front());
    if (full.size() > 1) m.family.push_back(full.back());
  }
  if (m.givenText.empty() && m.familyText.empty()) {
    // Only a full name: split at its last space, as people fill these forms
    // ("Ada Mary" + "Whitfield"); a one-word name is all given name.
    const size_t space = m.full.find_last_of(" \t");
    if (space == std::string::npos) {
      m.givenText = m.full;
    } else {
      m.givenText = std::string(text::Trim(std::string_view(m.full).substr(0, space)));
      m.familyText = std::string(text::Trim(std::string_view(m.full).substr(space + 1)));
    }
  }
  // Middle names: tokens of the full name that are neither given nor family.
  for (const std::string& t : full) {
    const bool known = std::find(m.given.begin(), m.given.end(), t) != m.given.end() ||
                       std::find(m.family.begin(), m.family.end(), t) != m.family.end();
    if (!known) m.middle.push_back(t);
  }
  return m;
}

bool NamePartsFit(std::string_view full, std::string_view given, std::string_view family) {
  const std::vector<std::string> words = LooseTokens(full);
  auto within = [&](std::string_view part) {
    for (const std::string& t : LooseTokens(part)) {
      if (std::find(words.begin(), words.end(), t) == words.end()) return false;
    }
    return true;
  };
  return within(given) && within(family);
}

const std::vector<PreviousValue>* Canonical::Previous(std::string_view key) const {
  for (const auto& [k, values] : previous) {
    if (k == key) return &values;
  }
  return nullptr;
}

Canonical BuildCanonical(const store::Snapshot& snapshot) {
  Canonical c;
  c.revision = snapshot.revision;
  if (snapshot.identity == 0) c.doc = snapshot.doc;
  static const json kEmpty = json::object();
  const json& profile =
      snapshot.doc.is_object() && snapshot.doc.contains("profile") && snapshot.doc["profile"].is_object()
          ? snapshot.doc["profile"]
          : kEmpty;

  if (profile.contains("name")) {
    NameModel m = BuildName(profile["name"]);
    if (!m.full.empty()) c.name = std::move(m);
  }
  c.headline = StringAt(profile, "headline");
  c.headlineLoose = text::Normalize(c.headline);
  c.headlineKeys = KeysOf(SplitStatement(c.headline));
  if (profile.contains("bio") && profile["bio"].is_object()) {
    for (const char* variant : {"short", "medium", "long", "about"}) {
      std::string t = StringAt(profile["bio"], variant);
      if (t.empty()) continue;
      std::string loose = text::Normalize(t);
      std::vector<uint64_t> words = text::SortedTokenHashes(loose);
      c.bios.push_back(BioVariant{variant, std::move(t), std::move(loose), std::move(words)});
    }
  }
  c.website = StringAt(profile, "website");
  if (!c.website.empty()) {
    c.websiteKey = UrlKey(c.website);
    c.linkKeys.push_back(c.websiteKey);
  }
  for (const char* list : {"links", "profiles"}) {
    if (!profile.contains(list) || !profile[list].is_array()) continue;
    for (const json& link : profile[list]) {
      const std::string url = StringAt(link, "url");
      if (!url.empty()) c.linkKeys.push_back(UrlKey(url));
    }
  }
  if (profile.contains("location") && profile["location"].is_object()) {
    const json& loc = profile["location"];
    c.location = StringAt(loc, "display");
    const std::string city = StringAt(loc, "city");
    const std::string region = StringAt(loc, "region");
    const std::string country = StringAt(loc, "countryCode");
    if (c.location.empty()) {
      for (const std::string* part : {&city, &region, &country}) {
        if (part->empty()) continue;
        if (!c.location.empty()) c.location += ", ";
        c.location += *part;
      }
    }
    // A profile that leaves `city` empty may start with a region or country
    // ("Bavaria, Germany"); its country code settles which country a name
    // or code shared by several means ("Boston, MA" is not in Morocco).
    c.place = ParsePlace(c.location, !city.empty() || (region.empty() && country.empty()));
    if (!country.empty()) c.place.parts.push_back(text::Normalize(country));
  }
  if (profile.contains("work") && profile["work"].is_array()) {
    for (const json& w : profile["work"]) {
      Position p;
      p.employer = StringAt(w, "employer");
      p.title = StringAt(w, "title");
      if (p.employer.empty() && p.title.empty()) continue;
      p.employerKey = EmployerKey(p.employer);
      p.titleKey = TitleKey(p.title);
      p.startText = StringAt(w, "start");
      p.endText = StringAt(w, "end");
      p.start = ParseMonth(p.startText);
      p.end = ParseMonth(p.endText);
      if (!p.endText.empty() && !p.end) p.endText.clear();
      c.work.push_back(std::move(p));
    }
    for (size_t i = 0; i < c.work.size(); ++i) {
      const Position& p = c.work[i];
      if (!p.endText.empty()) continue;
      if (c.current < 0 || (p.start && (!c.work[static_cast<size_t>(c.current)].start ||
                                        p.start->value > c.work[static_cast<size_t>(c.current)].start->value))) {
        c.current = static_cast<int>(i);
      }
    }
  }
  if (profile.contains("photo") && profile["photo"].is_object()) {
    c.photo = ParsePhash(StringAt(profile["photo"], "phash"));
  }
  if (snapshot.doc.is_object() && snapshot.doc.contains("previous") &&
      snapshot.doc["previous"].is_object()) {
    for (const auto& [key, values] : snapshot.doc["previous"].items()) {
      if (!values.is_array()) continue;
      std::vector<PreviousValue> list;
      for (const json& v : values) {
        if (!v.is_object() || !v.contains("value")) continue;
        std::string value;
        if (v["value"].is_string()) {
          value = v["value"].get<std::string>();
        } else if (v["value"].is_object() && v["value"].contains("full")) {
          value = StringAt(v["value"], "full");  // a whole name object
        } else {
          continue;
        }
        std::string loose = text::Normalize(value);
        PreviousValue& earlier = list.emplace_back();
        earlier.value = std::move(value);
        earlier.loose = std::move(loose);
        earlier.until = StringAt(v, "until");
      }
      c.previous.emplace_back(key, std::move(list));
    }
  }
  return c;
}

const Canonical& CanonicalFor(const store::Snapshot& snapshot) {
  thread_local Canonical cache;
  // The store's shared snapshot, the same as last time: nothing to compare
  // (a whole-document comparison was 3% of a warm check).
  if (snapshot.identity != 0 && snapshot.identity == cache.identity) return cache;
  // Another shared snapshot is another document; a copy is compared in full
  // with the copy the cache was built from, if it was.
  const bool sameCopy = snapshot.identity == 0 && cache.identity == 0 && cache.revision == snapshot.revision &&
                        cache.doc == snapshot.doc;
  if (!sameCopy) cache = BuildCanonical(snapshot);
  cache.identity = snapshot.identity;
  return cache;
}

}  // namespace oneself::compare
