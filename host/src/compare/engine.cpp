// `check`: validates the request, applies the site's policy, runs the field
// rules against the prepared canonical profile, drops what the user ignored,
// and scores what is left.
#include "compare/engine.h"

#include <algorithm>
#include <array>

#include "compare/canonical.h"
#include "compare/checked_fields.h"
#include "compare/photo.h"
#include "compare/rules.h"

namespace oneself::compare {
namespace {

using nlohmann::json;

// What a `personal` site is checked for.
constexpr std::array<std::string_view, 4> kPersonalFields{"name", "firstName", "lastName", "photo"};

bool IsTextField(std::string_view f) {
  return f == "name" || f == "firstName" || f == "lastName" || f == "headline" || f == "title" ||
         f == "employer" || f == "location" || f == "website" || f == "bio";
}

Status Wrong(std::string_view field, std::string_view expected) {
  return Status::BadRequest("fields." + std::string(field) + " must be " + std::string(expected));
}

bool OptionalString(const json& obj, const char* key, bool nullable) {
  const auto it = obj.find(key);
  return it == obj.end() || it->is_string() || (nullable && it->is_null());
}

Status ValidateField(std::string_view field, const json& v) {
  if (IsTextField(field)) return v.is_string() ? Status::Ok() : Wrong(field, "a string");
  if (field == "links") {
    if (!v.is_array()) return Wrong(field, "an array of {label, url}");
    for (const json& l : v) {
      if (!l.is_object() || !OptionalString(l, "label", true) || !OptionalString(l, "url", false)) {
        return Wrong(field, "an array of {label, url}");
      }
    }
    return Status::Ok();
  }
  if (field == "experience") {
    if (!v.is_array()) return Wrong(field, "an array of {title, company, start, end}");
    for (const json& e : v) {
      if (!e.is_object() || !OptionalString(e, "title", false) || !OptionalString(e, "company", false) ||
          !OptionalString(e, "start", true) || !OptionalString(e, "end", true)) {
        return Wrong(field, "an array of {title, company, start, end}");
      }
    }
    return Status::Ok();
  }
  if (field == "photo") {
    if (!v.is_object()) return Wrong(field, "{\"gray\": [1024 integers]} or {\"phash\": \"16 hex\"}");
    // One photo, one description of it: with both, the reply's fingerprint
    // (of the gray values) could disagree with the one compared.
    if (v.contains("phash") && v.contains("gray")) {
      return Wrong(field, "{\"gray\": [1024 integers]} or {\"phash\": \"16 hex\"}, not both");
    }
    if (v.contains("phash")) {
      if (!v["phash"].is_string() || !ParsePhash(v["phash"].get<std::string>())) {
        return Wrong("photo.phash", "16 hexadecimal digits");
      }
      return Status::Ok();
    }
    if (v.contains("gray")) {
      std::array<uint8_t, 1024> gray{};
      return ReadGray(v["gray"], gray) ? Status::Ok() : Wrong("photo.gray", "an array of 1024 integers 0..255");
    }
    return Wrong(field, "{\"gray\": [1024 integers]} or {\"phash\": \"16 hex\"}");
  }
  return Status::Ok();
}

const json* Find(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

// An ignore silences a warning when its field and observed value are exactly
// the warning's: the same text accepted before. Anything else shown brings
// the warning back.
bool Ignored(const json* ignores, const Warning& w) {
  if (ignores == nullptr || !ignores->is_array()) return false;
  for (const json& ig : *ignores) {
    const json* field = Find(ig, "field");
    const json* observed = Find(ig, "observed");
    if (field && observed && field->is_string() && *field == w.field && *observed == w.observed) {
      return true;
    }
  }
  return false;
}

int Penalty(std::string_view severity) {
  if (severity == "error") return 25;
  if (severity == "warning") return 10;
  return 2;
}

// Key by key: an initializer list builds a two-element array (an allocation
// and a key string) per key before moving it into the object, several
// thousand instructions per warning.
json ToJson(Warning& w) {
  json j = json::object();
  j["field"] = std::move(w.field);
  j["severity"] = w.severity;
  j["code"] = w.code;
  j["observed"] = std::move(w.observed);
  j["canonical"] = std::move(w.canonical);
  j["message"] = std::move(w.message);
  if (!w.suggestion.is_null()) j["suggestion"] = std::move(w.suggestion);
  if (w.limit >= 0) j["limit"] = w.limit;
  if (!w.canonicalParts.is_null()) j["canonicalParts"] = std::move(w.canonicalParts);
  return j;
}

}  // namespace

Result<json> Check(const store::Snapshot& snapshot, const json& request) {
  if (!request.is_object()) return Status::BadRequest("check needs an object");
  const json* siteJson = Find(request, "site");
  if (siteJson == nullptr || !siteJson->is_string()) return Status::BadRequest("site must be a string");
  const sites::Site* site = sites::FindSite(siteJson->get_ref<const std::string&>());
  if (site == nullptr) return Status::NotFound("unknown site: " + siteJson->get<std::string>());
  bool edit = false;
  // A null mode is left out, as the verb takes it (commands/check.cpp).
  if (const json* mode = Find(request, "mode"); mode != nullptr && !mode->is_null()) {
    if (!mode->is_string() || (*mode != "view" && *mode != "edit")) {
      return Status::BadRequest("mode must be \"view\" or \"edit\"");
    }
    edit = *mode == "edit";
  }
  const json* fields = Find(request, "fields");
  if (fields == nullptr || !fields->is_object()) return Status::BadRequest("fields must be an object");
  json ignoredFields = json::array();
  for (const auto& [key, value] : fields->items()) {
    if (!IsCheckedField(key)) {
      ignoredFields.push_back(key);
      continue;
    }
    if (Status s = ValidateField(key, value); !s.ok()) return s;
  }

  const Canonical& canon = CanonicalFor(snapshot);
  const json* siteConf = Find(snapshot.doc, "sites");
  siteConf = siteConf ? Find(*siteConf, site->id) : nullptr;
  std::string_view policy = sites::kDefaultPolicy;
  if (const json* p = siteConf ? Find(*siteConf, "policy") : nullptr; p && p->is_string()) {
    policy = p->get_ref<const std::string&>();
  }
  const json* overrides = siteConf ? Find(*siteConf, "overrides") : nullptr;
  const json* ignores = siteConf ? Find(*siteConf, "ignores") : nullptr;

  std::vector<Warning> warnings;
  json checked = json::array();
  if (policy != "off") {
    RuleContext ctx{canon, *site, edit, overrides, warnings};
    for (std::string_view field : kCheckedFields) {
      const json* v = Find(*fields, field);
      if (v == nullptr) continue;
      if (policy == "personal" &&
          std::find(kPersonalFields.begin(), kPersonalFields.end(), field) == kPersonalFields.end()) {
        continue;
      }
      checked.push_back(field);
      if (field == "name") CheckName(ctx, v->get_ref<const std::string&>());
      else if (field == "firstName" || field == "lastName") {
        CheckNamePart(ctx, field, v->get_ref<const std::string&>());
      }
      else if (field == "headline") CheckHeadline(ctx, v->get_ref<const std::string&>());
      else if (field == "title") CheckTitle(ctx, v->get_ref<const std::string&>());
      else if (field == "employer") CheckEmployer(ctx, v->get_ref<const std::string&>());
      else if (field == "location") CheckLocation(ctx, v->get_ref<const std::string&>());
      else if (field == "website") CheckWebsite(ctx, v->get_ref<const std::string&>());
      else if (field == "links") CheckLinks(ctx, *v);
      else if (field == "bio") CheckBio(ctx, v->get_ref<const std::string&>());
      else if (field == "experience") CheckExperience(ctx, *v);
      else if (field == "photo") CheckPhoto(ctx, *v);
    }
    if (Find(*fields, "firstName") != nullptr || Find(*fields, "lastName") != nullptr) {
      AttachNameParts(ctx);
    }
  }

  json out = json::object();
  out["revision"] = snapshot.revision;
  out["policy"] = policy;
  json list = json::array();
  int score = 100;
  for (Warning& w : warnings) {
    if (Ignored(ignores, w)) continue;
    score -= Penalty(w.severity);
    list.push_back(ToJson(w));
  }
  out["warnings"] = std::move(list);
  out["checked"] = std::move(checked);
  out["score"] = std::max(0, score);
  if (!ignoredFields.empty()) out["ignored"] = std::move(ignoredFields);
  return out;
}

}  // namespace oneself::compare
