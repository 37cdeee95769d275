// Job titles and employers: the comparison keys that make "Sr. SWE" equal
// "Senior Software Engineer" and "Lumen Labs, Inc." equal "Lumen Labs".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oneself::compare {

// Normalized, abbreviations expanded (table in title.cpp), stop words dropped,
// tokens sorted: "Manager, Engineering" and "Engineering Mgr" share a key.
std::string TitleKey(std::string_view title);

// Normalized, a leading "The" and trailing legal suffixes (Inc, LLC, GmbH, ...)
// dropped, "&"/"and" dropped, tokens joined without spaces ("Deep Mind" = "DeepMind").
std::string EmployerKey(std::string_view employer);

// "Title at Company | rest", "Title @ Company", "Title, Company", "Title | Company".
struct Statement {
  std::string_view title;
  std::string_view employer;  // empty when the text names none
  std::string_view rest;      // what follows the employer (a tagline), trimmed
};
Statement SplitStatement(std::string_view text);

// A statement's parts in the form they are compared in.
struct StatementKeys {
  std::string titleKey;     // TitleKey(title)
  std::string employerKey;  // EmployerKey(employer)
  std::string restLoose;    // text::Normalize(rest)
  bool restEmpty = true;    // rest.empty()
};
StatementKeys KeysOf(const Statement& statement);

// Token-set Dice similarity of two title keys, 0..1.
double TitleSimilarity(std::string_view keyA, std::string_view keyB);
// The same on keys already split by text::Tokens(), for callers that compare
// one key with many.
double TitleSimilarity(const std::vector<std::string_view>& tokensA,
                       const std::vector<std::string_view>& tokensB);

}  // namespace oneself::compare
