// The two inputs of a split name form (LinkedIn's Edit intro, Google's name
// editor): `firstName` against the canonical given name, `lastName` against the
// family name, each with the site's own limit (LinkedIn: 20 and 40).
//
// The whole name is usually sent beside them and its rule speaks first; a
// part only adds what that rule forgives or cannot see: the given and family
// names swapped between the inputs, a family name of several words split
// wrongly ("Ada de la" + "Cruz"), and a canonical part that does not fit.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "compare/rules.h"
#include "compare/text.h"

namespace oneself::compare {
namespace {

struct Part {
  std::string_view field;  // "firstName" | "lastName"
  std::string_view what;   // "First name": how the form labels the input
  std::string_view ours;   // "given name": what the canonical profile calls it
  const std::string& canonical;
  const std::string& other;  // the canonical value of the other input
};

std::vector<std::string> LooseTokens(std::string_view s, text::Fold fold = text::Fold::kLoose) {
  const std::string norm = text::Normalize(s, fold);
  std::vector<std::string> out;
  for (std::string_view t : text::Tokens(norm)) out.emplace_back(t);
  return out;
}

bool Has(const std::vector<std::string>& v, std::string_view t) {
  return std::find(v.begin(), v.end(), t) != v.end();
}

Warning Make(const Part& p, std::string_view severity, std::string_view code,
             std::string_view observed, std::string message) {
  Warning w;
  w.field = std::string(p.field);
  w.severity = severity;
  w.code = code;
  w.observed = std::string(observed);
  w.canonical = p.canonical;
  w.message = std::move(message);
  w.suggestion = p.canonical;
  return w;
}

// True when the whole name already has a warning other than too_long: it sits
// on the same form and says it, and a second one per input would only nag.
bool NameAlreadyWarned(const RuleContext& ctx) {
  return std::any_of(ctx.out.begin(), ctx.out.end(),
                     [](const Warning& w) { return w.field == "name" && w.code != "too_long"; });
}

// The canonical part does not fit the site's limit: no value typed here can
// match it, so the user learns why (and which shorter form they chose is theirs).
bool CanonicalTooLong(RuleContext& ctx, const Part& p, std::string_view observed) {
  const sites::FieldLimit* limit = sites::FindLimit(ctx.site, p.field);
  if (limit == nullptr) return false;
  const size_t n = text::CountFor(ctx.site.counting, p.canonical);
  if (n <= static_cast<size_t>(limit->max)) return false;
  std::string what(p.what);
  what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  Warning w = Make(p, "warning", "too_long", observed,
                   "Your canonical " + what + " is " + std::to_string(n) + " characters; " +
                       std::string(ctx.site.name) + " allows " + std::to_string(limit->max) + ".");
  w.suggestion = nullptr;  // writing it would be cut at the limit
  w.limit = limit->max;
  ctx.out.push_back(std::move(w));
  return true;
}

void Compare(RuleContext& ctx, const NameModel& m, const Part& p, std::string_view observed,
             bool canonicalTooLong) {
  const std::vector<std::string> seen = LooseTokens(observed);
  const std::vector<std::string> want = LooseTokens(p.canonical);
  if (seen == want) {
    if (LooseTokens(observed, text::Fold::kStrict) != LooseTokens(p.canonical, text::Fold::kStrict)) {
      ctx.out.push_back(Make(p, "info", "differs", observed,
                             std::string(p.what) + " differs from your canonical " +
                                 std::string(p.ours) + " only in letter case or accents."));
    }
    return;
  }
  const bool first = p.field == "firstName";
  bool allWanted = true;
  for (const std::string& t : want) allWanted = allWanted && Has(seen, t);
  bool decorated = text::HasSymbolBeyond(observed, p.canonical);
  bool onlyMiddle = true;  // every extra token is a middle name or an initial
  for (const std::string& t : seen) {
    if (Has(want, t)) continue;
    if (IsNameDecoration(t)) {
      decorated = true;
      continue;
    }
    onlyMiddle = onlyMiddle && (Has(m.middle, t) || t.size() == 1);
  }
  if (allWanted && onlyMiddle) {
    // A middle name or initial beside the part does not count, as for the whole name.
    if (decorated) {
      ctx.out.push_back(Make(p, "info", "extra", observed,
                             std::string(p.what) + " has decorations around your canonical " +
                                 std::string(p.ours) + " (pronouns, titles or emoji)."));
    }
    return;
  }
  if (first && !seen.empty() &&
      std::all_of(seen.begin(), seen.end(), [&](const std::string& t) {
        return Has(m.nicknames, t) || Has(m.middle, t) || t.size() == 1;
      }) &&
      std::any_of(seen.begin(), seen.end(), [&](const std::string& t) { return Has(m.nicknames, t); })) {
    ctx.out.push_back(Make(p, "info", "differs", observed,
                           "First name uses a nickname instead of your given name."));
    return;
  }
  if (canonicalTooLong) {
    // A shortened form of a part that cannot fit: the too_long says it all.
    const std::string seenLoose = text::Normalize(observed);
    const std::string wantLoose = text::Normalize(p.canonical);
    const bool subset = std::all_of(seen.begin(), seen.end(), [&](const std::string& t) {
      return Has(want, t) || t.size() == 1;
    });
    if (subset || wantLoose.rfind(seenLoose, 0) == 0) return;
  }
  if (!p.other.empty() && seen == LooseTokens(p.other)) {
    ctx.out.push_back(Make(p, "error", "differs", observed,
                           std::string(p.what) + " holds your canonical " +
                               (first ? "family name" : "given name") + "; your canonical " +
                               std::string(p.ours) + " is \"" + p.canonical + "\"."));
    return;
  }
  ctx.out.push_back(Make(p, "error", "differs", observed,
                         std::string(p.what) + " differs from your canonical " + std::string(p.ours) +
                             ", \"" + p.canonical + "\"."));
}

}  // namespace

void CheckNamePart(RuleContext& ctx, std::string_view part, std::string_view observedIn) {
  const std::string_view observed = text::Trim(observedIn);
  NameModel storage;
  const NameModel* m = CanonicalName(ctx, storage);
  static const std::string kNone;
  const bool first = part == "firstName";
  const Part p{part, first ? "First name" : "Last name", first ? "given name" : "family name",
               m ? (first ? m->givenText : m->familyText) : kNone,
               m ? (first ? m->familyText : m->givenText) : kNone};
  if (observed.empty()) {
    if (p.canonical.empty() || NameAlreadyWarned(ctx)) return;
    ctx.out.push_back(Make(p, "warning", "missing", observed,
                           std::string(p.what) + " is empty here; your canonical " +
                               std::string(p.ours) + " is \"" + p.canonical + "\"."));
    return;
  }
  bool canonicalTooLong = false;
  if (!CheckLength(ctx, part, observed, p.what) && !p.canonical.empty()) {
    canonicalTooLong = CanonicalTooLong(ctx, p, observed);
  }
  if (m == nullptr || p.canonical.empty() || NameAlreadyWarned(ctx)) return;
  Compare(ctx, *m, p, observed, canonicalTooLong);
}

void AttachNameParts(RuleContext& ctx) {
  NameModel storage;
  const NameModel* m = CanonicalName(ctx, storage);
  if (m == nullptr || m->givenText.empty()) return;
  for (Warning& w : ctx.out) {
    if (w.field != "name" || w.canonical.is_null()) continue;
    w.canonicalParts = {{"firstName", m->givenText}, {"lastName", m->familyText}};
  }
}

}  // namespace oneself::compare
