// Bios: equal to a canonical variant or the site's override after
// normalization; otherwise word-overlap similarity tells light edits (info)
// from a different text (warning). The threshold is in docs/compare.md.
#include "compare/fit_bio.h"
#include "compare/rules.h"
#include "compare/text.h"

namespace oneself::compare {
namespace {

// Word-multiset Dice at or above this is a light edit of a canonical variant.
constexpr double kLightEdit = 0.8;

struct Candidate {
  const std::string* text;
  std::string_view loose;
  const std::vector<uint64_t>* words;
};

bool EndsWithEllipsis(std::string_view s, std::string_view* stripped) {
  // The button text pages put after the cut: "… see more", "...more".
  for (std::string_view button : {"see more", "show more", "more"}) {
    if (s.size() > button.size() && s.substr(s.size() - button.size()) == button) {
      s = text::Trim(s.substr(0, s.size() - button.size()));
      break;
    }
  }
  for (std::string_view e : {std::string_view("\xE2\x80\xA6"), std::string_view("...")}) {
    if (s.size() > e.size() && s.substr(s.size() - e.size()) == e) {
      *stripped = text::Trim(s.substr(0, s.size() - e.size()));
      return true;
    }
  }
  return false;
}

}  // namespace

void CheckBio(RuleContext& ctx, std::string_view observedIn) {
  const std::string_view observed = text::Trim(observedIn);
  const std::string* override = ctx.Override("bio");
  std::string overrideLoose;
  std::vector<uint64_t> overrideWords;
  std::vector<Candidate> candidates;
  if (override) {
    overrideLoose = text::Normalize(*override);
    overrideWords = text::SortedTokenHashes(overrideLoose);
    candidates.push_back({override, overrideLoose, &overrideWords});
  }
  for (const BioVariant& v : ctx.canon.bios) candidates.push_back({&v.text, v.loose, &v.words});

  // Made once: a bio both too long and different needs it twice, and cutting
  // a long bio to the site segments it into graphemes.
  std::optional<nlohmann::json> fit;
  auto fitted = [&]() -> nlohmann::json {
    if (!fit) {
      const auto chosen = Fit(ctx.canon, ctx.site, ctx.overrides);
      fit = chosen ? nlohmann::json(chosen->text) : nlohmann::json(nullptr);
    }
    return *fit;
  };
  auto make = [&](std::string_view severity, std::string_view code, std::string message,
                  const std::string& canonical) {
    Warning w;
    w.field = "bio";
    w.severity = severity;
    w.code = code;
    w.observed = std::string(observed);
    w.canonical = canonical;
    w.message = std::move(message);
    w.suggestion = fitted();
    ctx.out.push_back(std::move(w));
  };

  if (observed.empty()) {
    if (candidates.empty()) return;
    make("warning", "missing", "Bio is empty here; your canonical profile has one.", *candidates[0].text);
    return;
  }
  // Too long for the site: the bio fitted to it is what to write instead.
  if (CheckLength(ctx, "bio", observed, "Bio")) ctx.out.back().suggestion = fitted();
  if (candidates.empty()) return;

  const std::string loose = text::Normalize(observed);
  for (const Candidate& c : candidates) {
    if (c.loose != loose) continue;
    if (text::Normalize(observed, text::Fold::kStrict) != text::Normalize(*c.text, text::Fold::kStrict)) {
      make("info", "differs", "Bio differs from your canonical bio only in letter case or accents.", *c.text);
    }
    return;
  }
  // A page that shows the start of the bio and "…": the same bio, cut for display.
  std::string_view shown;
  if (EndsWithEllipsis(observed, &shown)) {
    const std::string shownLoose = text::Normalize(shown);
    for (const Candidate& c : candidates) {
      if (shownLoose.size() >= 20 && c.loose.substr(0, shownLoose.size()) == shownLoose) return;
    }
  }
  const std::string& primary = *candidates[0].text;
  if (CheckOutdated(ctx, "bio", "bio", observed, loose, "warning", primary, "Bio")) return;
  double best = 0;
  const std::string* closest = &primary;
  const std::vector<uint64_t> words = text::SortedTokenHashes(loose);
  for (const Candidate& c : candidates) {
    const double s = text::DiceOfSorted(words, *c.words);
    if (s > best) {
      best = s;
      closest = c.text;
    }
  }
  if (best >= kLightEdit) {
    make("info", "differs", "Bio is a lightly edited version of your canonical bio.", *closest);
  } else {
    make("warning", "differs", "Bio differs from your canonical bio.", *closest);
  }
}

}  // namespace oneself::compare
