#include "store/document.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

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

Status CheckString(const json& v, const std::string& field) {
  if (!v.is_string()) return Bad(field, "must be a string");
  if (v.get_ref<const std::string&>().size() > format::kMaxStringBytes)
    return Bad(field, "is too long");
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

Status CheckArray(const json& v, const std::string& field) {
  if (!v.is_array()) return Bad(field, "must be an array");
  if (v.size() > format::kMaxArrayItems) return Bad(field, "has too many items");
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
        if (v.dump().size() > format::kMaxStringBytes) return Bad(field + "." + k, "is too long");
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
            else if (v.dump().size() > format::kMaxStringBytes) s = Bad(item + ".observed", "is too long");
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

// An override the update sets must name a field that honours one: a typo
// ("boi") would be stored and silently change nothing. Checked on the patch,
// not the document, so that an override stored before this check does not
// refuse every later update.
Status CheckOverridesSet(const json& sitesPatch) {
  for (const auto& [id, site] : sitesPatch.items()) {
    if (!site.is_object() || !site.contains("overrides") || !site["overrides"].is_object()) continue;
    for (const auto& [field, value] : site["overrides"].items()) {
      if (value.is_null()) continue;  // removing one is always allowed
      const std::string name = "sites." + id + ".overrides." + field;
      if (std::find(kOverridable.begin(), kOverridable.end(), field) == kOverridable.end()) {
        return Bad(name, "is not a field a site can override (name, headline, bio, location, website, employer, title)");
      }
      if (!value.is_string()) return Bad(name, "must be a string");
    }
  }
  return Status::Ok();
}

Status ApplyUpdatePatch(json& doc, const json& patch) {
  if (!patch.is_object()) return Status::BadRequest("the update must be an object");
  if (const auto sites = patch.find("sites"); sites != patch.end() && sites->is_object()) {
    Status s = CheckOverridesSet(*sites);
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
