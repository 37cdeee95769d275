#include "compare/title.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "compare/text.h"

namespace oneself::compare {
namespace {

// Abbreviations and their expansion, compared after Normalize() (so "Sr." is
// "sr"). "Eng" means Engineer or Engineering; both fold to "engineer", which is
// only a comparison key and never shown.
constexpr std::array<std::pair<std::string_view, std::string_view>, 52> kExpand{{
    {"sr", "senior"}, {"snr", "senior"}, {"jr", "junior"}, {"jnr", "junior"},
    {"mgr", "manager"}, {"mngr", "manager"}, {"mgmt", "management"},
    {"eng", "engineer"}, {"engr", "engineer"}, {"engineering", "engineer"},
    {"dev", "developer"}, {"devs", "developers"}, {"vp", "vice president"},
    {"svp", "senior vice president"}, {"evp", "executive vice president"},
    {"avp", "assistant vice president"}, {"swe", "software engineer"},
    {"sde", "software development engineer"}, {"sre", "site reliability engineer"},
    {"cto", "chief technology officer"}, {"ceo", "chief executive officer"},
    {"cfo", "chief financial officer"}, {"coo", "chief operating officer"},
    {"cmo", "chief marketing officer"}, {"cio", "chief information officer"},
    {"cpo", "chief product officer"}, {"ciso", "chief information security officer"},
    {"technical", "technology"}, {"pm", "product manager"},
    {"tpm", "technology program manager"}, {"em", "engineer manager"},
    {"dir", "director"}, {"assoc", "associate"}, {"asst", "assistant"},
    {"admin", "administrator"}, {"exec", "executive"}, {"ops", "operations"},
    {"mktg", "marketing"}, {"sw", "software"}, {"hw", "hardware"},
    {"qa", "quality assurance"}, {"ml", "machine learning"},
    {"ai", "artificial intelligence"}, {"ux", "user experience"},
    {"ui", "user interface"}, {"hr", "human resources"}, {"ii", "2"}, {"iii", "3"},
    {"iv", "4"}, {"intl", "international"}, {"prog", "program"}, {"cofounder", "founder co"},
}};

constexpr std::array<std::string_view, 8> kStopWords{"of", "the", "and", "for", "in", "a", "an", "to"};

constexpr std::array<std::string_view, 30> kLegalSuffixes{
    "inc", "incorporated", "corp", "corporation", "co", "llc", "llp", "lp", "ltd", "limited",
    "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "ab", "oy", "oyj",
    "asa", "kk", "pty", "pvt", "pte", "ltda", "se"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view t) {
  return std::find(list.begin(), list.end(), t) != list.end();
}

void AppendExpanded(std::string_view token, std::vector<std::string_view>& out) {
  for (const auto& [abbr, full] : kExpand) {
    if (abbr == token) {
      for (std::string_view part : text::Tokens(full)) out.push_back(part);
      return;
    }
  }
  out.push_back(token);
}

// Case-insensitive search for an ASCII needle.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < needle.size(); ++k) {
      char a = hay[i + k];
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if (a != needle[k]) {
        match = false;
        break;
      }
    }
    if (match) return i;
  }
  return std::string_view::npos;
}

constexpr std::array<std::string_view, 8> kSeparators{" | ", "|", " · ", " • ", " - ", " – ",
                                                      " — ", ", "};

// The first separator at or after `from`: {position, length}.
std::pair<size_t, size_t> FindSeparator(std::string_view s, size_t from) {
  size_t best = std::string_view::npos;
  size_t len = 0;
  for (std::string_view sep : kSeparators) {
    const size_t p = s.find(sep, from);
    if (p < best) {
      best = p;
      len = sep.size();
    }
  }
  return {best, len};
}

}  // namespace

std::string TitleKey(std::string_view title) {
  const std::string norm = text::Normalize(title);
  std::vector<std::string_view> tokens;
  for (std::string_view t : text::Tokens(norm)) {
    if (In(kStopWords, t)) continue;
    AppendExpanded(t, tokens);
  }
  std::sort(tokens.begin(), tokens.end());
  std::string key;
  for (std::string_view t : tokens) {
    if (!key.empty()) key.push_back(' ');
    key.append(t);
  }
  return key;
}

std::string EmployerKey(std::string_view employer) {
  const std::string norm = text::Normalize(employer);
  std::vector<std::string_view> tokens = text::Tokens(norm);
  size_t begin = 0;
  size_t end = tokens.size();
  if (end - begin > 1 && tokens[begin] == "the") ++begin;
  while (end - begin > 1 && In(kLegalSuffixes, tokens[end - 1])) --end;
  std::string key;
  for (size_t i = begin; i < end; ++i) {
    if (tokens[i] == "and" && end - begin > 1) continue;
    key.append(tokens[i]);
  }
  return key;
}

Statement SplitStatement(std::string_view s) {
  Statement st;
  s = text::Trim(s);
  size_t at = FindNoCase(s, " at ");
  size_t atLen = 4;
  const size_t sign = s.find('@');
  if (sign != std::string_view::npos && sign < at) {
    at = sign;
    atLen = 1;
  }
  size_t employerStart = 0;
  if (at != std::string_view::npos) {
    st.title = text::Trim(s.substr(0, at));
    employerStart = at + atLen;
  } else {
    const auto [p, len] = FindSeparator(s, 0);
    if (p == std::string_view::npos) {
      st.title = s;
      return st;
    }
    st.title = text::Trim(s.substr(0, p));
    employerStart = p + len;
  }
  const auto [q, qlen] = FindSeparator(s, employerStart);
  if (q == std::string_view::npos) {
    st.employer = text::Trim(s.substr(employerStart));
  } else {
    st.employer = text::Trim(s.substr(employerStart, q - employerStart));
    st.rest = text::Trim(s.substr(q + qlen));
  }
  return st;
}

StatementKeys KeysOf(const Statement& st) {
  return {TitleKey(st.title), EmployerKey(st.employer), text::Normalize(st.rest), st.rest.empty()};
}

double TitleSimilarity(std::string_view keyA, std::string_view keyB) {
  return TitleSimilarity(text::Tokens(keyA), text::Tokens(keyB));
}

double TitleSimilarity(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  if (a.empty() && b.empty()) return 1.0;
  // Keys are sorted: count the common tokens by merging.
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common; ++i; ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

}  // namespace oneself::compare
