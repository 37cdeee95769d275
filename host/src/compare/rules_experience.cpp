// Experience: the positions a site lists against the canonical work history.
// Positions pair by employer, title and start month; what stays unpaired is a
// missing or unknown position.
#include <algorithm>
#include <cmath>

#include "compare/rules.h"
#include "compare/text.h"
#include "compare/title.h"

namespace oneself::compare {
namespace {

struct Observed {
  const nlohmann::json* json;
  std::string title, company, startText, endText;
  std::string titleKey, employerKey;
  std::optional<Month> start, end;
  bool current = true;
};

std::string Str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return std::string(text::Trim(it->get_ref<const std::string&>()));
}

// Month precision with one month of tolerance; a year-only date matches any
// month of that year. Unknown dates do not contradict.
bool Close(const std::optional<Month>& a, const std::optional<Month>& b) {
  if (!a || !b) return true;
  if (a->yearOnly || b->yearOnly) return a->value / 12 == b->value / 12;
  return std::abs(a->value - b->value) <= 1;
}

std::string Describe(std::string_view title, std::string_view employer) {
  std::string s(title);
  if (!employer.empty()) s += (s.empty() ? "" : " at ") + std::string(employer);
  return s;
}

// Key by key rather than from an initializer list, which builds a
// two-element array per key before moving it into the object.
nlohmann::json CanonicalJson(const Position& p) {
  nlohmann::json j = nlohmann::json::object();
  j["title"] = p.title;
  j["company"] = p.employer;
  j["start"] = p.startText;
  j["end"] = p.endText.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.endText);
  return j;
}

void Add(RuleContext& ctx, std::string_view severity, std::string_view code, nlohmann::json observed,
         nlohmann::json canonical, std::string message) {
  Warning w;
  w.field = "experience";
  w.severity = severity;
  w.code = code;
  w.observed = std::move(observed);
  w.canonical = std::move(canonical);
  w.message = std::move(message);
  ctx.out.push_back(std::move(w));
}

}  // namespace

void CheckExperience(RuleContext& ctx, const nlohmann::json& experience) {
  const std::vector<Position>& work = ctx.canon.work;
  if (work.empty()) return;
  std::vector<Observed> seen;
  for (const auto& e : experience) {
    Observed o;
    o.json = &e;
    o.title = Str(e, "title");
    o.company = Str(e, "company");
    o.startText = Str(e, "start");
    o.endText = Str(e, "end");
    o.titleKey = TitleKey(o.title);
    o.employerKey = EmployerKey(o.company);
    o.start = ParseMonth(o.startText);
    o.end = ParseMonth(o.endText);
    o.current = !o.end;
    seen.push_back(std::move(o));
  }
  // Candidate pairs, best first: same employer, similar title, close start.
  struct Pair {
    double score;
    size_t o, c;
  };
  std::vector<Pair> pairs;
  // Every title key is split once, not once per pair.
  std::vector<std::vector<std::string_view>> workTitles;
  workTitles.reserve(work.size());
  for (const Position& p : work) workTitles.push_back(text::Tokens(p.titleKey));
  for (size_t i = 0; i < seen.size(); ++i) {
    const std::vector<std::string_view> seenTitle = text::Tokens(seen[i].titleKey);
    for (size_t k = 0; k < work.size(); ++k) {
      const bool employer = !seen[i].employerKey.empty() && seen[i].employerKey == work[k].employerKey;
      const double title = TitleSimilarity(seenTitle, workTitles[k]);
      const bool start = seen[i].start && work[k].start && Close(seen[i].start, work[k].start);
      if (!employer && !(title == 1.0 && start)) continue;
      pairs.push_back({(employer ? 2.0 : 0.0) + title + (start ? 1.0 : 0.0), i, k});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
  std::vector<int> pairOfSeen(seen.size(), -1);
  std::vector<bool> used(work.size(), false);
  for (const Pair& p : pairs) {
    if (pairOfSeen[p.o] >= 0 || used[p.c]) continue;
    pairOfSeen[p.o] = static_cast<int>(p.c);
    used[p.c] = true;
  }
  const std::string site(ctx.site.name);
  for (size_t i = 0; i < seen.size(); ++i) {
    const Observed& o = seen[i];
    if (pairOfSeen[i] < 0) {
      Add(ctx, "warning", "unknown_position", *o.json, nullptr,
          site + " lists \"" + Describe(o.title, o.company) +
              "\", which is not in your canonical work history.");
      continue;
    }
    const Position& c = work[static_cast<size_t>(pairOfSeen[i])];
    const std::string what = Describe(c.title, c.employer);
    if (o.titleKey != c.titleKey) {
      Add(ctx, "error", "differs", *o.json, CanonicalJson(c),
          site + " shows the title \"" + o.title + "\" for your position at " + c.employer +
              "; your canonical title is \"" + c.title + "\".");
    }
    if (o.employerKey != c.employerKey) {
      Add(ctx, "error", "differs", *o.json, CanonicalJson(c),
          site + " shows \"" + o.company + "\" as the employer of \"" + c.title +
              "\"; your canonical employer is \"" + c.employer + "\".");
    }
    if (!Close(o.start, c.start)) {
      Add(ctx, "warning", "differs", *o.json, CanonicalJson(c),
          "The start date of \"" + what + "\" is " + o.startText + " on " + site +
              "; your canonical start date is " + c.startText + ".");
    }
    const bool canonicalCurrent = c.endText.empty();
    if (o.current && !canonicalCurrent) {
      Add(ctx, "warning", "not_current", *o.json, CanonicalJson(c),
          site + " shows \"" + what + "\" as your current position; it ended in " +
              MonthName(c.endText) + ".");
    } else if (!o.current && canonicalCurrent) {
      Add(ctx, "warning", "not_current", *o.json, CanonicalJson(c),
          site + " shows \"" + what + "\" as ended; your canonical profile says it is current.");
    } else if (!o.current && !Close(o.end, c.end)) {
      Add(ctx, "warning", "differs", *o.json, CanonicalJson(c),
          "The end date of \"" + what + "\" is " + o.endText + " on " + site +
              "; your canonical end date is " + c.endText + ".");
    }
  }
  for (size_t k = 0; k < work.size(); ++k) {
    if (used[k]) continue;
    Add(ctx, "warning", "missing_position", nullptr, CanonicalJson(work[k]),
        site + " does not list \"" + Describe(work[k].title, work[k].employer) +
            "\" from your canonical work history.");
  }
}

}  // namespace oneself::compare
