// The per-field rules of `check`. Each rule compares one observed field with
// the prepared canonical profile and appends warnings; engine.cpp validates the
// request, applies the site's policy and ignores, and scores.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/canonical.h"
#include "sites/site_table.h"

namespace oneself::compare {

struct Warning {
  std::string field;
  std::string_view severity;  // "error" | "warning" | "info"
  std::string_view code;      // "differs", "missing", "too_long", ...
  nlohmann::json observed;
  nlohmann::json canonical;
  std::string message;
  nlohmann::json suggestion;  // null: none
  int limit = -1;             // -1: none
  // Name warnings on a two-input form: {"firstName", "lastName"}, the
  // canonical name split the way the form wants it. null: none.
  nlohmann::json canonicalParts;
};

struct RuleContext {
  const Canonical& canon;
  const sites::Site& site;
  bool edit = false;
  const nlohmann::json* overrides = nullptr;  // sites[site].overrides, or null
  std::vector<Warning>& out;

  // The site's override of a text field, or nullptr.
  const std::string* Override(std::string_view field) const;
};

// "March 2026" from an RFC 3339 time; "" if unreadable.
std::string MonthName(std::string_view rfc3339);

// The site's limit for `field`, counted its way; appends too_long when over.
// Returns true when a too_long was appended.
bool CheckLength(RuleContext& ctx, std::string_view field, std::string_view observed,
                 std::string_view what);

// If the observed value equals an earlier canonical value of `key`, appends
// `outdated` and returns true. Equal means the same loose text, or, when
// `sameAs` is given, what the field's own rule calls the same ("Sr. SWE" and
// "Senior Software Engineer").
bool CheckOutdated(RuleContext& ctx, std::string_view field, std::string_view key,
                   std::string_view observed, std::string_view observedLoose,
                   std::string_view severity, const std::string& canonical, std::string_view what,
                   const std::function<bool(const PreviousValue& previous)>& sameAs = nullptr);

// The name the site is compared with: the site's override (parsed into
// `storage`) or the canonical name; nullptr when there is neither.
const NameModel* CanonicalName(const RuleContext& ctx, NameModel& storage);
// A token that decorates a name rather than being part of it ("phd", "she").
bool IsNameDecoration(std::string_view looseToken);

void CheckName(RuleContext& ctx, std::string_view observed);
// `part` is "firstName" or "lastName": one input of a two-input name form,
// compared with the canonical given or family name and the site's limit.
void CheckNamePart(RuleContext& ctx, std::string_view part, std::string_view observed);
// Gives every name warning the canonical given/family split, so "Use
// canonical" on a two-input form fills each input with its own part.
void AttachNameParts(RuleContext& ctx);
void CheckHeadline(RuleContext& ctx, std::string_view observed);
void CheckTitle(RuleContext& ctx, std::string_view observed);
void CheckEmployer(RuleContext& ctx, std::string_view observed);
void CheckLocation(RuleContext& ctx, std::string_view observed);
void CheckWebsite(RuleContext& ctx, std::string_view observed);
void CheckLinks(RuleContext& ctx, const nlohmann::json& links);
void CheckBio(RuleContext& ctx, std::string_view observed);
void CheckExperience(RuleContext& ctx, const nlohmann::json& experience);
// `photo` is {"gray": [...]} or {"phash": "..."}, already validated.
void CheckPhoto(RuleContext& ctx, const nlohmann::json& photo);

// One pixel of a `gray` array: 0..255, or -1 if it is not an integer in range.
// Reads the number in place (no conversion through get<>) because a photo is
// 1,024 of them on every check.
inline int GrayValue(const nlohmann::json& v) {
  if (const auto* u = v.get_ptr<const nlohmann::json::number_unsigned_t*>()) {
    return *u <= 255 ? static_cast<int>(*u) : -1;
  }
  if (const auto* i = v.get_ptr<const nlohmann::json::number_integer_t*>()) {
    return (*i >= 0 && *i <= 255) ? static_cast<int>(*i) : -1;
  }
  return -1;
}

// Word-multiset Dice similarity of two normalized texts, 0..1 (docs/compare.md).
double TextSimilarity(std::string_view looseA, std::string_view looseB);

}  // namespace oneself::compare
