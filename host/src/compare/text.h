// Text normalization and length counting: the ground every field rule stands on.
//
// Normalize() gives the form two texts are compared in: Unicode compatibility
// normalization (NFKC's equivalence: "ﬁ" = "fi", full-width = ASCII), optional
// case folding and diacritic stripping, then punctuation and whitespace folding
// into single spaces between tokens. We decompose (NFKD) instead of recomposing:
// two strings are NFKC-equal exactly when they are NFKD-equal, and skipping the
// recomposition is cheaper. ASCII runs never reach utf8proc, which is what makes
// a 2,600-character bio cheap to fold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sites/site_table.h"

namespace oneself::compare::text {

enum class Fold {
  kStrict,  // compatibility form + punctuation folding; case and accents kept
  kCase,    // + case folding
  kLoose,   // + case folding + diacritics stripped: the form rules compare in
};

// Tokens of letters, digits and marks joined by single spaces. Apostrophes,
// periods and in-word hyphens vanish ("O'Brien" -> "obrien", "S.A." -> "sa",
// "co-founder" -> "cofounder"); "&" becomes the token "and"; every other
// punctuation, symbol (emoji) or space separates tokens.
std::string Normalize(std::string_view s, Fold fold = Fold::kLoose);

// Splits a Normalize()d string at its single spaces. Views point into `norm`.
std::vector<std::string_view> Tokens(std::string_view norm);

// The tokens of a Normalize()d string as sorted 64-bit hashes (FNV-1a): a
// word multiset that compares without string comparisons.
std::vector<uint64_t> SortedTokenHashes(std::string_view norm);

// Dice coefficient of two sorted hash multisets: 2|A n B| / (|A| + |B|).
double DiceOfSorted(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// True if `s` holds a symbol such as an emoji, or a pictographic character.
bool HasSymbol(std::string_view s);
// True if `s` holds such a symbol that `allowed` does not: the flag someone
// keeps in their canonical name is part of it, a new one is a decoration.
bool HasSymbolBeyond(std::string_view s, std::string_view allowed);

// Trims ASCII and Unicode white space at both ends.
std::string_view Trim(std::string_view s);

size_t CountCodePoints(std::string_view s);
size_t CountGraphemes(std::string_view s);
// X's way: code points, every URL (http(s)://..., www...., or a bare domain
// with a common top-level domain) counts as 23.
size_t CountXWeighted(std::string_view s);
size_t CountFor(sites::Counting counting, std::string_view s);

// Byte offsets where grapheme clusters start, plus s.size() at the end.
std::vector<size_t> GraphemeStarts(std::string_view s);

}  // namespace oneself::compare::text
