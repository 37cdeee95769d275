// Single-value text fields: headline, title, employer, location, website
// (the list of links is rules_links.cpp). They share one flow (CheckText); each differs only in
// what counts as "the same" (its Matcher).
#include <cctype>
#include <optional>

#include "compare/rules.h"
#include "compare/text.h"
#include "compare/title.h"
#include "compare/website.h"

namespace oneself::compare {
namespace {

enum class Verdict { kSame, kInfo, kDiffers };

struct Judgement {
  Verdict verdict = Verdict::kDiffers;
  std::string message;                // for kInfo
  std::string_view code = "differs";  // for kInfo
};

// The observed text and what the matchers make of it, each made on first
// use: a field's matcher is asked about the canonical value and then about
// each earlier one (for `outdated`), always with the same observed side.
class Observed {
 public:
  explicit Observed(std::string_view text) : text_(text) {}

  std::string_view text() const { return text_; }
  const Statement& statement() {
    if (!statement_) statement_ = SplitStatement(text_);
    return *statement_;
  }
  const std::string& titleKey() { return Once(titleKey_, [&] { return TitleKey(text_); }); }
  const std::string& employerKey() { return Once(employerKey_, [&] { return EmployerKey(text_); }); }
  const std::string& statementTitleKey() {
    return Once(statementTitleKey_, [&] { return TitleKey(statement().title); });
  }
  const std::string& statementEmployerKey() {
    return Once(statementEmployerKey_, [&] { return EmployerKey(statement().employer); });
  }
  const std::string& statementRestLoose() {
    return Once(statementRestLoose_, [&] { return text::Normalize(statement().rest); });
  }
  // "Lumen Labs, Inc.": the employer with what a comma split off it.
  const std::string& statementEmployerWithRestKey() {
    return Once(employerWithRestKey_, [&] {
      return EmployerKey(std::string(statement().employer) + " " + std::string(statement().rest));
    });
  }
  const Place& place() {
    if (!place_) place_ = ParsePlace(text_);
    return *place_;
  }
  const std::string& urlKey() { return Once(urlKey_, [&] { return UrlKey(text_); }); }

 private:
  template <class Make>
  static const std::string& Once(std::optional<std::string>& slot, Make make) {
    if (!slot) slot = make();
    return *slot;
  }

  std::string_view text_;
  std::optional<Statement> statement_;
  std::optional<std::string> titleKey_, employerKey_, statementTitleKey_, statementEmployerKey_,
      statementRestLoose_, employerWithRestKey_, urlKey_;
  std::optional<Place> place_;
};

// `earlier` is set when `canonical` is one of the field's earlier values:
// its keys are then kept with it (PreviousValue), made once per revision.
using Matcher = Judgement (*)(const RuleContext&, std::string_view canonical, Observed& observed,
                              const PreviousValue* earlier);

struct TextRule {
  std::string_view field;     // "headline"
  std::string_view what;      // "Headline", as a message starts
  std::string_view prevKey;   // key in doc.previous
  std::string_view severity;  // of `differs` and `outdated`
  Matcher same;
  // Whether equal normalized text settles it. Not for addresses, where the
  // punctuation that normalization folds away ("ada-example" vs "ada.example")
  // is the difference.
  bool textShortcut = true;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void CheckText(RuleContext& ctx, const TextRule& rule, const std::string& canonical,
               std::string_view canonicalLoose, std::string_view observedIn) {
  const std::string_view observed = text::Trim(observedIn);
  const std::string lowerWhat = Lower(rule.what);
  if (observed.empty()) {
    if (canonical.empty()) return;
    Warning w;
    w.field = std::string(rule.field);
    w.severity = "warning";
    w.code = "missing";
    w.observed = "";
    w.canonical = canonical;
    w.message = std::string(rule.what) + " is empty here; your canonical " + lowerWhat + " is \"" +
                canonical + "\".";
    w.suggestion = canonical;
    ctx.out.push_back(std::move(w));
    return;
  }
  CheckLength(ctx, rule.field, observed, rule.what);
  if (canonical.empty()) return;
  const std::string observedLoose = text::Normalize(observed);
  if (rule.textShortcut && observedLoose == canonicalLoose) {
    if (text::Normalize(observed, text::Fold::kStrict) != text::Normalize(canonical, text::Fold::kStrict)) {
      Warning w;
      w.field = std::string(rule.field);
      w.severity = "info";
      w.code = "differs";
      w.observed = std::string(observed);
      w.canonical = canonical;
      w.message = std::string(rule.what) + " differs from your canonical " + lowerWhat +
                  " only in letter case or accents.";
      w.suggestion = canonical;
      ctx.out.push_back(std::move(w));
    }
    return;
  }
  Observed seen(observed);
  Judgement j = rule.same(ctx, canonical, seen, nullptr);
  if (j.verdict == Verdict::kSame) return;
  if (j.verdict == Verdict::kInfo) {
    Warning w;
    w.field = std::string(rule.field);
    w.severity = "info";
    w.code = j.code;
    w.observed = std::string(observed);
    w.canonical = canonical;
    w.message = std::move(j.message);
    w.suggestion = canonical;
    ctx.out.push_back(std::move(w));
    return;
  }
  const auto sameAs = [&](const PreviousValue& previous) {
    return rule.same(ctx, previous.value, seen, &previous).verdict == Verdict::kSame;
  };
  if (CheckOutdated(ctx, rule.field, rule.prevKey, observed, observedLoose, rule.severity, canonical,
                    rule.what, sameAs)) {
    return;
  }
  Warning w;
  w.field = std::string(rule.field);
  w.severity = rule.severity;
  w.code = "differs";
  w.observed = std::string(observed);
  w.canonical = canonical;
  w.message = std::string(rule.what) + " differs from your canonical " + lowerWhat + ".";
  w.suggestion = canonical;
  ctx.out.push_back(std::move(w));
}

const Position* Current(const Canonical& c) {
  return c.current < 0 ? nullptr : &c.work[static_cast<size_t>(c.current)];
}

// The matchers below take the canonical side's keys from the prepared
// profile when the canonical value is the profile's own (no override): they
// are made once per revision there, not on every check.

// The key `earlier` keeps for its value, made on first use.
const std::string& EarlierKey(const PreviousValue& earlier, std::string (*make)(std::string_view)) {
  if (!earlier.key) earlier.key = make(earlier.value);
  return *earlier.key;
}

Judgement HeadlineStatementSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                                const PreviousValue* earlier);

// "Staff Software Engineer at Lumen Labs | Speaker | Runner": the canonical
// headline kept whole as the first segments, with more after it, is the
// canonical statement with additions (info `extra`), not another statement;
// the same words after a different first segment are a different headline.
Judgement HeadlineSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                       const PreviousValue* earlier) {
  Judgement whole = HeadlineStatementSame(ctx, canonical, observed, earlier);
  // Against an earlier value only "the same" counts (it makes `outdated`),
  // so the segments are tried against the current value alone.
  if (whole.verdict == Verdict::kSame || earlier != nullptr) return whole;
  const std::string_view text = observed.text();
  for (size_t bar = text.rfind('|'); bar != std::string_view::npos && bar > 0; bar = text.rfind('|', bar - 1)) {
    Observed first(text::Trim(text.substr(0, bar)));
    if (first.text().empty()) continue;
    if (HeadlineStatementSame(ctx, canonical, first, earlier).verdict == Verdict::kSame) {
      return {Verdict::kInfo, "Headline adds to your canonical headline.", "extra"};
    }
  }
  return whole;
}

Judgement HeadlineStatementSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                                const PreviousValue* earlier) {
  StatementKeys parsed;
  const StatementKeys* c = &ctx.canon.headlineKeys;
  if (earlier != nullptr) {
    if (!earlier->statementKeys) earlier->statementKeys = KeysOf(SplitStatement(earlier->value));
    c = &*earlier->statementKeys;
  } else if (canonical != ctx.canon.headline) {
    parsed = KeysOf(SplitStatement(canonical));
    c = &parsed;
  }
  if (c->titleKey != observed.statementTitleKey()) return {};
  if (c->employerKey == observed.statementEmployerKey() && c->restLoose == observed.statementRestLoose()) {
    return {Verdict::kSame, {}};
  }
  // "Lumen Labs, Inc.": the comma split the legal suffix off the employer.
  if (c->restEmpty && !observed.statement().rest.empty() &&
      c->employerKey == observed.statementEmployerWithRestKey()) {
    return {Verdict::kSame, {}};
  }
  return {};
}

Judgement TitleSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                    const PreviousValue* earlier) {
  // "Staff Engineer at Lumen Labs" in a title field states the title first.
  const Position* p = Current(ctx.canon);
  std::string parsed;
  const std::string* c = p ? &p->titleKey : nullptr;
  if (earlier != nullptr) {
    c = &EarlierKey(*earlier, TitleKey);
  } else if (p == nullptr || canonical != p->title) {
    parsed = TitleKey(canonical);
    c = &parsed;
  }
  if (*c == observed.titleKey() ||
      (!observed.statement().employer.empty() && *c == observed.statementTitleKey())) {
    return {Verdict::kSame, {}};
  }
  return {};
}

Judgement EmployerSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                       const PreviousValue* earlier) {
  const Position* p = Current(ctx.canon);
  const std::string& key = observed.employerKey();
  if (earlier != nullptr) {
    if (EarlierKey(*earlier, EmployerKey) == key) return {Verdict::kSame, {}};
  } else if (p != nullptr && canonical == p->employer) {
    if (p->employerKey == key) return {Verdict::kSame, {}};
  } else if (EmployerKey(canonical) == key) {
    return {Verdict::kSame, {}};
  }
  return {};
}

Judgement LocationSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                       const PreviousValue* earlier) {
  Place parsed;
  const Place* c = &ctx.canon.place;
  if (earlier != nullptr) {
    if (!earlier->place) earlier->place = ParsePlace(earlier->value);
    c = &*earlier->place;
  } else if (canonical != ctx.canon.location) {
    parsed = ParsePlace(canonical);
    c = &parsed;
  }
  switch (ComparePlaces(*c, observed.place())) {
    case PlaceMatch::kSame:
      return {Verdict::kSame, {}};
    case PlaceMatch::kLessSpecific:
      return {Verdict::kInfo, "Location is less specific than your canonical location."};
    case PlaceMatch::kDifferent:
      break;
  }
  return {};
}

Judgement WebsiteSame(const RuleContext& ctx, std::string_view canonical, Observed& observed,
                      const PreviousValue* earlier) {
  const std::string& key = observed.urlKey();
  std::string parsed;
  const std::string* canonicalKey = &ctx.canon.websiteKey;
  if (earlier != nullptr) {
    canonicalKey = &EarlierKey(*earlier, UrlKey);
  } else if (ctx.canon.website.empty() || canonical != ctx.canon.website) {
    parsed = UrlKey(canonical);
    canonicalKey = &parsed;
  }
  if (key == *canonicalKey) return {Verdict::kSame, {}};
  if (IsShortenedUrl(observed.text())) {
    return {Verdict::kInfo, "Website is a shortened link; oneself cannot verify where it leads."};
  }
  for (const std::string& link : ctx.canon.linkKeys) {
    if (link == key) {
      return {Verdict::kInfo, "Website is one of your links, not your canonical website."};
    }
  }
  return {};
}

}  // namespace

void CheckHeadline(RuleContext& ctx, std::string_view observed) {
  static constexpr TextRule kRule{"headline", "Headline", "headline", "warning", HeadlineSame};
  if (const std::string* o = ctx.Override("headline")) {
    CheckText(ctx, kRule, *o, text::Normalize(*o), observed);
    return;
  }
  CheckText(ctx, kRule, ctx.canon.headline, ctx.canon.headlineLoose, observed);
}

void CheckTitle(RuleContext& ctx, std::string_view observed) {
  static constexpr TextRule kRule{"title", "Title", "title", "error", TitleSame};
  const std::string* o = ctx.Override("title");
  const Position* p = Current(ctx.canon);
  const std::string canonical = o ? *o : (p ? p->title : std::string());
  CheckText(ctx, kRule, canonical, text::Normalize(canonical), observed);
}

void CheckEmployer(RuleContext& ctx, std::string_view observed) {
  static constexpr TextRule kRule{"employer", "Employer", "employer", "error", EmployerSame};
  const std::string* o = ctx.Override("employer");
  const Position* p = Current(ctx.canon);
  const std::string canonical = o ? *o : (p ? p->employer : std::string());
  const size_t before = ctx.out.size();
  CheckText(ctx, kRule, canonical, text::Normalize(canonical), observed);
  // A differing employer that is one you have left is outdated, not unknown.
  if (ctx.out.size() != before + 1 || ctx.out.back().code != "differs" ||
      ctx.out.back().severity != "error") {
    return;
  }
  const std::string key = EmployerKey(observed);
  for (const Position& past : ctx.canon.work) {
    if (past.endText.empty() || past.employerKey != key) continue;
    Warning& w = ctx.out.back();
    w.code = "outdated";
    const std::string month = MonthName(past.endText);
    w.message = "This was your employer until " + month + "; your current employer is " + canonical + ".";
    break;
  }
}

void CheckLocation(RuleContext& ctx, std::string_view observed) {
  static constexpr TextRule kRule{"location", "Location", "location", "warning", LocationSame};
  if (const std::string* o = ctx.Override("location")) {
    CheckText(ctx, kRule, *o, text::Normalize(*o), observed);
    return;
  }
  CheckText(ctx, kRule, ctx.canon.location, text::Normalize(ctx.canon.location), observed);
}

void CheckWebsite(RuleContext& ctx, std::string_view observed) {
  static constexpr TextRule kRule{"website", "Website", "website", "warning", WebsiteSame, false};
  if (const std::string* o = ctx.Override("website")) {
    CheckText(ctx, kRule, *o, text::Normalize(*o), observed);
    return;
  }
  CheckText(ctx, kRule, ctx.canon.website, text::Normalize(ctx.canon.website), observed);
}

}  // namespace oneself::compare
