#include "store/document.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string_view>

#include "compare/checked_fields.h"
#include "store/state.h"
#include "store/store_format.h"

namespace oneself::store {
namespace {

using nlohmann::json;

// Mirrors the site ids of sites/site_table.h; the store keeps its own copy so
// that it validates documents without depending on the comparison side.
constexpr std::array<std::string_view, 9> kSiteIds = {
    "linkedin", "x", "github", "facebook", "mastodon", "bluesky", "instagram", "google", "website"};

constexpr std::string_view kSitePrefix = "sites.";

// The fields a site's override can replace: the ones whose rule reads
// `overrides` (compare/rules_*.cpp), each a string.
constexpr std::array<std::string_view, 7> kOverridable = {"name",     "headline", "bio",  "location",
                                                          "website",  "employer", "title"};


Status Bad(const std::string& field, std::string_view what) {
  return Status::BadRequest(field + " " + std::string(what));
}

// The refusal says the limit, so the caller knows how much to cut.
static_assert(format::kMaxStringBytes % 1024 == 0);
const std::string kTooLong =
    "is too long (at most " + std::to_string(format::kMaxStringBytes / 1024) + " KiB)";

Status CheckString(const json& v, const std::string& field) {
  if (!v.is_string()) return Bad(field, "must be a string");
  if (v.get_ref<const std::string&>().size() > format::kMaxStringBytes)
    return Bad(field, kTooLong);
  return Status::Ok();
}

// Only the listed keys, each a string.
template <size_t N>
Status CheckStringObject(const json& v, const std::string& field,
                         const std::array<std::string_view, N>& keys) {
  if (!v.is_object()) return Bad(field, "must be an object");
  for (const auto& [key, value] : v.items()) {
    bool known = false;
    for (auto k : keys) known = known || k == key;
    if (!known) return Bad(field + "." + key, "is not a known field");
    Status s = CheckString(value, field + "." + key);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool IsHex(const std::string& s, size_t len) {
  if (s.size() != len) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// YYYY, YYYY-MM or YYYY-MM-DD.
bool IsDate(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!AllDigits(std::string_view(s).substr(0, 4))) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !AllDigits(std::string_view(s).substr(5, 2))) return false;
    int month = std::stoi(s.substr(5, 2));
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !AllDigits(std::string_view(s).substr(8, 2))) return false;
    int day = std::stoi(s.substr(8, 2));
    if (day < 1 || day > 31) return false;
  }
  return true;
}

// A date IsDate accepts that is also on the calendar: no 2023-02-30, and
// February 29 only in a leap year.
bool IsCalendarDate(const std::string& s) {
  if (s.size() != 10) return true;
  using namespace std::chrono;
  const year_month_day d{year{std::stoi(s.substr(0, 4))},
                         month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                         day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
  return d.ok();
}

Status CheckArray(const json& v, const std::string& field) {
  if (!v.is_array()) return Bad(field, "must be an array");
  if (v.size() > format::kMaxArrayItems)
    return Bad(field, "has too many items (at most " + std::to_string(format::kMaxArrayItems) + ")");
  return Status::Ok();
}

Status CheckName(const json& v) {
  if (!v.is_object()) return Bad("profile.name", "must be an object");
  for (const auto& [key, value] : v.items()) {
    std::string field = "profile.name." + key;
    if (key == "full" || key == "given" || key == "family") {
      Status s = CheckString(value, field);
      if (!s.ok()) return s;
    } else if (key == "nicknames") {
      Status s = CheckArray(value, field);
      for (size_t i = 0; s.ok() && i < value.size(); ++i)
        s = CheckString(value[i], field + "[" + std::to_string(i) + "]");
      if (!s.ok()) return s;
    } else {
      return Bad(field, "is not a known field");
    }
  }
  return Status::Ok();
}

Status CheckWork(const json& v) {
  Status s = CheckArray(v, "profile.work");
  for (size_t i = 0; s.ok() && i < v.size(); ++i) {
    std::string item = "profile.work[" + std::to_string(i) + "]";
    if (!v[i].is_object()) return Bad(item, "must be an object");
    for (const auto& [key, value] : v[i].items()) {
      std::string field = item + "." + key;
      if (key == "employer" || key == "title") {
        s = CheckString(value, field);
      } else if (key == "start" || key == "end") {
        if (key == "end" && value.is_null()) continue;  // null end = current
        s = CheckString(value, field);
        if (s.ok() && !IsDate(value.get<std::string>()))
          s = Bad(field, "must be a date YYYY, YYYY-MM or YYYY-MM-DD");
      } else {
        s = Bad(field, "is not a known field");
      }
      if (!s.ok()) return s;
    }
  }
  return s;
}

// A list of objects whose keys are the listed text fields and `dateKeys`
// (YYYY, YYYY-MM or YYYY-MM-DD): education and certificates, as JSON Resume
// keeps them.
template <size_t N, size_t M>
Status CheckDatedList(const json& v, const std::string& field, const std::array<std::string_view, N>& textKeys,
                      const std::array<std::string_view, M>& dateKeys) {
  Status s = CheckArray(v, field);
  for (size_t i = 0; s.ok() && i < v.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    if (!v[i].is_object()) return Bad(item, "must be an object");
    for (const auto& [key, value] : v[i].items()) {
      const std::string at = item + "." + key;
      const bool isText = std::find(textKeys.begin(), textKeys.end(), key) != textKeys.end();
      const bool isDate = std::find(dateKeys.begin(), dateKeys.end(), key) != dateKeys.end();
      if (!isText && !isDate) return Bad(at, "is not a known field");
      s = CheckString(value, at);
      if (s.ok() && isDate && !IsDate(value.template get<std::string>()))
        s = Bad(at, "must be a date YYYY, YYYY-MM or YYYY-MM-DD");
      if (!s.ok()) return s;
    }
  }
  return s;
}

template <size_t N>
Status CheckObjectArray(const json& v, const std::string& field,
                        const std::array<std::string_view, N>& keys) {
  Status s = CheckArray(v, field);
  for (size_t i = 0; s.ok() && i < v.size(); ++i)
    s = CheckStringObject(v[i], field + "[" + std::to_string(i) + "]", keys);
  return s;
}

Status CheckProfileField(const std::string& key, const json& value) {
  std::string field = "profile." + key;
  if (key == "name") return CheckName(value);
  if (key == "headline" || key == "email" || key == "website") return CheckString(value, field);
  if (key == "bio")
    return CheckStringObject(value, field,
                             std::array<std::string_view, 4>{"short", "medium", "long", "about"});
  if (key == "location")
    return CheckStringObject(
        value, field, std::array<std::string_view, 4>{"display", "city", "region", "countryCode"});
  if (key == "links")
    return CheckObjectArray(value, field, std::array<std::string_view, 2>{"label", "url"});
  if (key == "profiles")
    return CheckObjectArray(value, field,
                            std::array<std::string_view, 3>{"network", "username", "url"});
  if (key == "work") return CheckWork(value);
  if (key == "education")
    return CheckDatedList(value, field,
                          std::array<std::string_view, 3>{"institution", "area", "studyType"},
                          std::array<std::string_view, 2>{"startDate", "endDate"});
  if (key == "certificates")
    return CheckDatedList(value, field, std::array<std::string_view, 3>{"name", "issuer", "url"},
                          std::array<std::string_view, 1>{"date"});
  if (key == "photo") {
    Status s =
        CheckStringObject(value, field, std::array<std::string_view, 2>{"sha256", "phash"});
    if (!s.ok()) return s;
    if (value.contains("sha256") && !IsHex(value["sha256"].get<std::string>(), 64))
      return Bad(field + ".sha256", "must be 64 hex digits");
    if (value.contains("phash") && !IsHex(value["phash"].get<std::string>(), 16))
      return Bad(field + ".phash", "must be 16 hex digits");
    return Status::Ok();
  }
  return Bad(field, "is not a known field");
}

Status CheckSite(const std::string& id, const json& site) {
  std::string base = "sites." + id;
  bool known = false;
  for (auto k : kSiteIds) known = known || k == id;
  if (!known) return Bad(base, "is not a known site");
  if (!site.is_object()) return Bad(base, "must be an object");
  for (const auto& [key, value] : site.items()) {
    std::string field = base + "." + key;
    if (key == "policy") {
      if (!value.is_string()) return Bad(field, "must be a string");
      const auto& p = value.get_ref<const std::string&>();
      if (p != "professional" && p != "personal" && p != "off")
        return Bad(field, "must be professional, personal or off");
    } else if (key == "overrides") {
      if (!value.is_object()) return Bad(field, "must be an object");
      for (const auto& [k, v] : value.items()) {
        // An override is a deliberate per-site value: usually a string (a
        // shorter bio), but a list of links is an array; null is never stored.
        if (v.is_null()) return Bad(field + "." + k, "must not be null");
        if (v.dump().size() > format::kMaxStringBytes) return Bad(field + "." + k, kTooLong);
      }
    } else if (key == "ignores") {
      Status s = CheckArray(value, field);
      for (size_t i = 0; s.ok() && i < value.size(); ++i) {
        std::string item = field + "[" + std::to_string(i) + "]";
        const json& ig = value[i];
        if (!ig.is_object()) return Bad(item, "must be an object");
        for (const auto& [k, v] : ig.items()) {
          if (k == "field" || k == "at") {
            s = CheckString(v, item + "." + k);
          } else if (k == "observed") {
            if (v.is_null()) s = Bad(item + ".observed", "must not be null");
            else if (v.dump().size() > format::kMaxStringBytes) s = Bad(item + ".observed", kTooLong);
          } else {
            s = Bad(item + "." + k, "is not a known field");
          }
          if (!s.ok()) return s;
        }
        if (!ig.contains("field") || !ig.contains("observed"))
          return Bad(item, "needs field and observed");
      }
      if (!s.ok()) return s;
    } else {
      return Bad(field, "is not a known field");
    }
  }
  return Status::Ok();
}

}  // namespace

json EmptyDocument() {
  return json{{"profile", json::object()}, {"sites", json::object()}, {"previous", json::object()}};
}

Status ValidateDocument(const json& doc) {
  if (!doc.is_object()) return Status::BadRequest("the document must be an object");
  if (!doc.contains("profile") || !doc["profile"].is_object())
    return Status::BadRequest("profile must be an object");
  if (!doc.contains("sites") || !doc["sites"].is_object())
    return Status::BadRequest("sites must be an object");
  for (const auto& [key, value] : doc["profile"].items()) {
    Status s = CheckProfileField(key, value);
    if (!s.ok()) return s;
  }
  for (const auto& [id, site] : doc["sites"].items()) {
    Status s = CheckSite(id, site);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

namespace {

// The stored `sites.<id>.<key>` when it is of `type`, else nullptr.
const json* StoredSetting(const json& storedSites, const std::string& id, const char* key, json::value_t type) {
  const auto site = storedSites.find(id);  // end() when not an object
  if (site == storedSites.end() || !site->is_object()) return nullptr;
  const auto setting = site->find(key);
  return setting != site->end() && setting->type() == type ? &*setting : nullptr;
}

// An override the update sets must name a field that honours one: a typo
// ("boi") would be stored and silently change nothing. Checked on the patch,
// and a value equal to the one stored passes, so that an override stored
// before this check refuses neither later updates nor the site's settings
// sent back whole (the options page does that).
Status CheckOverridesSet(const json& sitesPatch, const json& storedSites) {
  for (const auto& [id, site] : sitesPatch.items()) {
    if (!site.is_object() || !site.contains("overrides") || !site["overrides"].is_object()) continue;
    const json* stored = StoredSetting(storedSites, id, "overrides", json::value_t::object);
    for (const auto& [field, value] : site["overrides"].items()) {
      if (value.is_null()) continue;  // removing one is always allowed
      if (stored && stored->contains(field) && (*stored)[field] == value) continue;
      const std::string name = "sites." + id + ".overrides." + field;
      if (std::find(kOverridable.begin(), kOverridable.end(), field) == kOverridable.end()) {
        return Bad(name, "is not a field a site can override (name, headline, bio, location, website, employer, title)");
      }
      if (!value.is_string()) return Bad(name, "must be a string");
    }
  }
  return Status::Ok();
}

// An ignore the update sets must be one ignore.remove can take back: a field
// `check` compares, and `at` (when given) a time as the store writes it; `at`
// is only a record, read by nothing, so one left out is not refused. An
// entry equal to one the site already holds is not new, so a store holding an
// older, malformed one still accepts its sites sent back whole (the options
// page does that).
Status CheckIgnoresSet(const json& sitesPatch, const json& storedSites) {
  for (const auto& [id, site] : sitesPatch.items()) {
    if (!site.is_object() || !site.contains("ignores") || !site["ignores"].is_array()) continue;
    const json* stored = StoredSetting(storedSites, id, "ignores", json::value_t::array);
    const json& ignores = site["ignores"];
    for (size_t i = 0; i < ignores.size(); ++i) {
      const json& ig = ignores[i];
      if (!ig.is_object()) continue;  // the document check names it
      if (stored && std::find(stored->begin(), stored->end(), ig) != stored->end()) continue;
      const std::string item = "sites." + id + ".ignores[" + std::to_string(i) + "]";
      if (ig.contains("field") && ig["field"].is_string()) {
        const std::string& field = ig["field"].get_ref<const std::string&>();
        // ignore.remove could never take back an ignore of another field.
        if (!compare::IsCheckedField(field))
          return Bad(item + ".field", "must name a checked field such as \"headline\"");
      }
      if (ig.contains("at") && ig["at"].is_string() &&
          ParseTime(ig["at"].get_ref<const std::string&>()) < 0) {
        return Bad(item + ".at", "must be a time such as 2026-11-25T10:00:00Z");
      }
    }
  }
  return Status::Ok();
}

// Work dates the update sets must be on the calendar, and an end not before
// its start. Compared at the precision both have ("2020" ends "2020-05"
// fine), which for zero-padded dates is their common prefix. On the patch:
// `work` is replaced whole, so one that sets it is checked, except entries
// equal to stored ones: dates stored before this check refuse neither updates
// of other fields nor the work history sent back whole (the options page).
Status CheckWorkSet(const json& profilePatch, const json& storedProfile) {
  if (!profilePatch.contains("work") || !profilePatch["work"].is_array()) return Status::Ok();
  const json& work = profilePatch["work"];
  const json* stored = storedProfile.is_object() && storedProfile.contains("work") &&
                               storedProfile["work"].is_array()
                           ? &storedProfile["work"]
                           : nullptr;
  for (size_t i = 0; i < work.size(); ++i) {
    if (!work[i].is_object()) continue;  // the document check names it
    if (stored && std::find(stored->begin(), stored->end(), work[i]) != stored->end()) continue;
    const std::string item = "profile.work[" + std::to_string(i) + "]";
    std::string dates[2];  // start, end; empty when absent or not a date
    const char* const keys[2] = {"start", "end"};
    for (int k = 0; k < 2; ++k) {
      if (!work[i].contains(keys[k]) || !work[i][keys[k]].is_string()) continue;
      const std::string& date = work[i][keys[k]].get_ref<const std::string&>();
      if (!IsDate(date)) continue;  // the document check names its shape
      if (!IsCalendarDate(date))
        return Bad(item + "." + keys[k], "is not a day of the calendar (" + date + ")");
      dates[k] = date;
    }
    const std::string& start = dates[0];
    const std::string& end = dates[1];
    if (start.empty() || end.empty()) continue;
    const size_t n = std::min(start.size(), end.size());
    if (end.compare(0, n, start, 0, n) < 0)
      return Bad(item + ".end", "is before its start (" + end + " < " + start + ")");
  }
  return Status::Ok();
}

void DropEmptyObjects(json& object) {
  for (auto it = object.begin(); it != object.end();) {
    if (it->is_object()) {
      DropEmptyObjects(*it);
      if (it->empty()) {
        it = object.erase(it);
        continue;
      }
    }
    ++it;
  }
}

}  // namespace

Status ApplyUpdatePatch(json& doc, const json& patch) {
  if (!patch.is_object()) return Status::BadRequest("the update must be an object");
  static const json kNothing = json::object();
  if (const auto sites = patch.find("sites"); sites != patch.end() && sites->is_object()) {
    const json& stored = doc.is_object() && doc.contains("sites") ? doc["sites"] : kNothing;
    Status s = CheckOverridesSet(*sites, stored);
    if (s.ok()) s = CheckIgnoresSet(*sites, stored);
    if (!s.ok()) return s;
  }
  if (const auto profile = patch.find("profile"); profile != patch.end() && profile->is_object()) {
    const json& stored = doc.is_object() && doc.contains("profile") ? doc["profile"] : kNothing;
    Status s = CheckWorkSet(*profile, stored);
    if (!s.ok()) return s;
  }
  for (const auto& [key, value] : patch.items()) {
    if (key != "profile" && key != "sites")
      return Bad(key, "cannot be updated (only profile and sites)");
    if (value.is_null()) {
      doc[key] = json::object();  // null removes: the whole part is emptied
    } else if (!value.is_object()) {
      return Bad(key, "must be an object (a merge patch)");
    } else {
      doc[key].merge_patch(value);
    }
  }
  return Status::Ok();
}

void DropEmptyObjects(json& doc, std::string_view part) {
  if (!doc.is_object()) return;
  auto it = doc.find(part);
  if (it != doc.end() && it->is_object()) DropEmptyObjects(*it);
}

json DiffDocuments(const json& before, const json& after) {
  json changes = json::object();
  auto diff = [&](const json& a, const json& b, const std::string& prefix) {
    static const json kEmpty = json::object();
    const json& x = a.is_object() ? a : kEmpty;
    const json& y = b.is_object() ? b : kEmpty;
    for (const auto& [key, value] : x.items()) {
      auto it = y.find(key);
      if (it == y.end()) changes[prefix + key] = {{"from", value}, {"to", nullptr}};
      else if (*it != value) changes[prefix + key] = {{"from", value}, {"to", *it}};
    }
    for (const auto& [key, value] : y.items())
      if (!x.contains(key)) changes[prefix + key] = {{"from", nullptr}, {"to", value}};
  };
  diff(before.value("profile", json::object()), after.value("profile", json::object()), "");
  diff(before.value("sites", json::object()), after.value("sites", json::object()),
       std::string(kSitePrefix));
  return changes;
}

Status ApplyChanges(json& doc, const json& changes, bool forward) {
  if (!changes.is_object()) return Status::StoreError("journal changes are not an object");
  for (const auto& [key, change] : changes.items()) {
    if (!change.is_object() || !change.contains("from") || !change.contains("to"))
      return Status::StoreError("journal change " + key + " has no from/to");
    const json& value = forward ? change["to"] : change["from"];
    json* part = &doc["profile"];
    std::string field = key;
    if (key.rfind(kSitePrefix, 0) == 0) {
      part = &doc["sites"];
      field = key.substr(kSitePrefix.size());
    }
    if (value.is_null()) part->erase(field);
    else (*part)[field] = value;
  }
  return Status::Ok();
}

}  // namespace oneself::store
