// Names: order and a middle initial do not count, nicknames are info, and the
// decorations people put around their name (emoji, pronouns, "| Hiring",
// "PhD") are `extra`, info.
#include <algorithm>
#include <array>
#include <optional>

#include "compare/rules.h"
#include "compare/text.h"

namespace oneself::compare {
namespace {

constexpr std::array<std::string_view, 44> kDecorations{
    "phd", "md", "mba", "msc", "bsc", "jd", "cpa", "pe", "pmp", "cfa", "esq", "rn", "dds",
    "dr", "mr", "mrs", "ms", "mx", "prof", "sir", "jr", "sr", "ii", "iii", "iv",
    "he", "him", "his", "she", "her", "hers", "they", "them", "theirs", "ze", "hir",
    "hiring", "opentowork", "open", "to", "work", "we", "are", "is"};

// Where decorations start: "Ada Whitfield | Hiring", "Ada (she/her)"; also
// " - ", and the UTF-8 sequences of ·, •, — and – (in Segments()).
constexpr std::string_view kAsciiSeparators = "|,()[]/";

enum class Kind { kGiven, kFamily, kMiddle, kNick, kInitial, kFamilyInitial, kDecoration, kUnknown };

bool Has(const std::vector<std::string>& v, std::string_view t) {
  return std::find(v.begin(), v.end(), t) != v.end();
}

Kind Classify(const NameModel& m, std::string_view t) {
  if (Has(m.given, t)) return Kind::kGiven;
  if (Has(m.family, t)) return Kind::kFamily;
  if (Has(m.middle, t)) return Kind::kMiddle;
  if (Has(m.nicknames, t)) return Kind::kNick;
  if (std::find(kDecorations.begin(), kDecorations.end(), t) != kDecorations.end()) {
    return Kind::kDecoration;
  }
  if (t.size() == 1) {
    if (!m.family.empty() && m.family.front().front() == t.front()) return Kind::kFamilyInitial;
    return Kind::kInitial;
  }
  return Kind::kUnknown;
}

// Splits at separator bytes (ASCII ones and the UTF-8 sequences of ·, •, —, –).
std::vector<std::string_view> Segments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  size_t i = 0;
  auto cut = [&](size_t end, size_t skip) {
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + skip;
    i = start;
  };
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (kAsciiSeparators.find(s[i]) != std::string_view::npos) {
        cut(i, 1);
        continue;
      }
      if (s[i] == '-' && i > 0 && i + 1 < s.size() && s[i - 1] == ' ' && s[i + 1] == ' ') {
        cut(i, 1);
        continue;
      }
    } else {
      bool matched = false;
      for (std::string_view seq : {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x94", "\xE2\x80\x93"}) {
        if (s.substr(i, seq.size()) == seq) {
          cut(i, seq.size());
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    ++i;
  }
  cut(s.size(), 0);
  return out;
}

Warning Make(std::string_view severity, std::string_view code, std::string_view observed,
             const std::string& canonical, std::string message) {
  Warning w;
  w.field = "name";
  w.severity = severity;
  w.code = code;
  w.observed = std::string(observed);
  w.canonical = canonical;
  w.message = std::move(message);
  w.suggestion = canonical;
  return w;
}

}  // namespace

const NameModel* CanonicalName(const RuleContext& ctx, NameModel& storage) {
  if (const std::string* override = ctx.Override("name")) {
    storage = BuildName(nlohmann::json(*override));
    return &storage;
  }
  return ctx.canon.name ? &*ctx.canon.name : nullptr;
}

bool IsNameDecoration(std::string_view looseToken) {
  return std::find(kDecorations.begin(), kDecorations.end(), looseToken) != kDecorations.end();
}

void CheckName(RuleContext& ctx, std::string_view observedIn) {
  const std::string_view observed = text::Trim(observedIn);
  NameModel overridden;
  const NameModel* m = CanonicalName(ctx, overridden);
  if (observed.empty()) {
    if (m == nullptr) return;
    ctx.out.push_back(Make("warning", "missing", observed, m->full,
                           "Name is empty here; your canonical name is \"" + m->full + "\"."));
    return;
  }
  CheckLength(ctx, "name", observed, "Name");
  if (m == nullptr) return;

  bool given = false, family = false, familyInitial = false, nick = false, middle = false;
  bool extra = text::HasSymbolBeyond(observed, m->full);
  std::vector<std::string_view> unknown;
  std::string nameText;  // the segments that make up the name itself
  bool first = true;
  for (std::string_view seg : Segments(observed)) {
    const std::string norm = text::Normalize(seg);
    const auto tokens = text::Tokens(norm);
    if (tokens.empty()) continue;
    std::vector<Kind> kinds;
    bool allNameish = true;
    bool allDecoration = true;
    for (std::string_view t : tokens) {
      kinds.push_back(Classify(*m, t));
      allNameish = allNameish && kinds.back() != Kind::kUnknown && kinds.back() != Kind::kDecoration;
      allDecoration = allDecoration && kinds.back() == Kind::kDecoration;
    }
    // After the first segment, only a segment made of name parts is still the
    // name ("Whitfield, Ada"); anything else is decoration ("| Hiring").
    if (!first && !allNameish) {
      extra = true;
      continue;
    }
    if (allDecoration) {
      extra = true;
      continue;
    }
    first = false;
    if (!nameText.empty()) nameText.push_back(' ');
    nameText.append(seg);
    for (size_t i = 0; i < tokens.size(); ++i) {
      switch (kinds[i]) {
        case Kind::kGiven: given = true; break;
        case Kind::kFamily: family = true; break;
        case Kind::kFamilyInitial: familyInitial = true; break;
        case Kind::kMiddle: case Kind::kInitial: break;
        case Kind::kNick: nick = true; break;
        case Kind::kDecoration: extra = true; break;
        case Kind::kUnknown: unknown.push_back(tokens[i]); break;
      }
    }
  }
  // Every family token must be present (a compound surname is one name).
  if (family) {
    const std::string norm = text::Normalize(nameText);
    const auto tokens = text::Tokens(norm);
    for (const std::string& f : m->family) {
      if (std::find(tokens.begin(), tokens.end(), f) == tokens.end()) family = false;
    }
  }
  auto sortedTokens = [](std::string_view s, text::Fold fold) {
    const std::string norm = text::Normalize(s, fold);
    std::vector<std::string> out;
    for (std::string_view t : text::Tokens(norm)) out.emplace_back(t);
    std::sort(out.begin(), out.end());
    return out;
  };
  // The canonical full name, in any order, is the name whatever the given and
  // family parts say: they may be stale ("Ada King" after a marriage, with
  // "Lovelace" still the family part) or another script's spelling. Worked
  // out only when the parts leave a doubt (a check runs on every keystroke).
  std::optional<bool> fullName;
  auto isFullName = [&] {
    if (!fullName) {
      fullName = sortedTokens(nameText, text::Fold::kLoose) == sortedTokens(m->full, text::Fold::kLoose);
    }
    return *fullName;
  };
  const bool hasGiven = given || nick;
  const bool hasFamily = family || familyInitial || m->family.empty();
  if ((!hasGiven || !hasFamily || unknown.size() > 1 || (!unknown.empty() && !(given && family))) &&
      !isFullName()) {
    if (unknown.empty() && hasGiven && !hasFamily) {
      ctx.out.push_back(Make("info", "differs", observed, m->full,
                             "Name shows only part of your canonical name, \"" + m->full + "\"."));
      return;
    }
    const std::string loose = text::Normalize(observed);
    if (CheckOutdated(ctx, "name", "name", observed, loose, "error", m->full, "Name")) return;
    ctx.out.push_back(Make("error", "differs", observed, m->full,
                           "Name differs from your canonical name, \"" + m->full + "\"."));
    return;
  }
  if (extra) {
    ctx.out.push_back(Make("info", "extra", observed, m->full,
                           "Name has decorations around your canonical name (emoji, pronouns, "
                           "titles or taglines)."));
    return;
  }
  if (nick && !given && !isFullName()) {
    ctx.out.push_back(Make("info", "differs", observed, m->full,
                           "Name uses a nickname instead of your given name."));
    return;
  }
  if (!unknown.empty() && !isFullName()) {
    middle = true;
    ctx.out.push_back(Make("info", "differs", observed, m->full,
                           "Name includes a middle name that your canonical name does not."));
    return;
  }
  (void)middle;
  // The same name tokens in the same or another order: only case or accents
  // may still differ, which is info.
  if (isFullName() &&
      sortedTokens(nameText, text::Fold::kStrict) != sortedTokens(m->full, text::Fold::kStrict)) {
    ctx.out.push_back(Make("info", "differs", observed, m->full,
                           "Name differs from your canonical name only in letter case or accents."));
  }
}

}  // namespace oneself::compare
