// What the field rules share: overrides, lengths, outdated values, similarity.
#include <algorithm>
#include <array>

#include "compare/rules.h"
#include "compare/text.h"

namespace oneself::compare {

const std::string* RuleContext::Override(std::string_view field) const {
  if (overrides == nullptr || !overrides->is_object()) return nullptr;
  const auto it = overrides->find(std::string(field));
  if (it == overrides->end() || !it->is_string()) return nullptr;
  return &it->get_ref<const std::string&>();
}

std::string MonthName(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  const auto m = ParseMonth(t.substr(0, std::min<size_t>(t.size(), 7)));
  if (!m) return {};
  const int year = m->value / 12;
  if (m->yearOnly) return std::to_string(year);
  return std::string(kMonths[static_cast<size_t>(m->value % 12)]) + " " + std::to_string(year);
}

bool CheckLength(RuleContext& ctx, std::string_view field, std::string_view observed,
                 std::string_view what) {
  const sites::FieldLimit* limit = sites::FindLimit(ctx.site, field);
  if (limit == nullptr) return false;
  // A website field holds one address, kept as typed: its limit counts every
  // character (X's URL-as-23 rule is for links inside text).
  const sites::Counting counting = field == "website" ? sites::Counting::kCodePoints : ctx.site.counting;
  const size_t n = text::CountFor(counting, observed);
  if (n <= static_cast<size_t>(limit->max)) return false;
  Warning w;
  w.field = std::string(field);
  w.severity = "warning";
  w.code = "too_long";
  w.observed = std::string(observed);
  w.canonical = nullptr;
  w.message = std::string(what) + " is " + std::to_string(n) + " characters; " +
              std::string(ctx.site.name) + " allows " + std::to_string(limit->max) + ".";
  w.limit = limit->max;
  ctx.out.push_back(std::move(w));
  return true;
}

bool CheckOutdated(RuleContext& ctx, std::string_view field, std::string_view key,
                   std::string_view observed, std::string_view observedLoose,
                   std::string_view severity, const std::string& canonical, std::string_view what,
                   const std::function<bool(const PreviousValue& previous)>& sameAs) {
  const auto* previous = ctx.canon.Previous(key);
  if (previous == nullptr) return false;
  for (const PreviousValue& p : *previous) {
    if (p.loose.empty()) continue;
    if (p.loose != observedLoose && !(sameAs && sameAs(p))) continue;
    Warning w;
    w.field = std::string(field);
    w.severity = severity;
    w.code = "outdated";
    w.observed = std::string(observed);
    w.canonical = canonical;
    const std::string month = MonthName(p.until);
    std::string lower(what);
    if (!lower.empty()) lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
    // `until` is when the canonical value was replaced: the month this one
    // stopped being it, not the month it started.
    w.message = (month.empty() ? "This was your " + lower + " before." : "This was your " + lower + " until " + month + ".") +
                " Your canonical " + lower + " has changed since.";
    w.suggestion = canonical;
    ctx.out.push_back(std::move(w));
    return true;
  }
  return false;
}

double TextSimilarity(std::string_view a, std::string_view b) {
  return text::DiceOfSorted(text::SortedTokenHashes(a), text::SortedTokenHashes(b));
}

}  // namespace oneself::compare
