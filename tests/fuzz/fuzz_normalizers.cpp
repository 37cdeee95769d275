// Fuzz target: the text normalizers and the small parsers the rules stand on
// (compare/text.h, title.h, website.h, location.h, canonical.h), on arbitrary
// bytes. Oracles: grapheme starts are strictly increasing from 0 to the end,
// graphemes <= code points <= bytes, normalized text never grows beyond a
// sane bound and has no leading, trailing or double spaces.
#include <cstdint>
#include <string>
#include <string_view>

#include "compare/canonical.h"
#include "compare/location.h"
#include "compare/text.h"
#include "compare/title.h"
#include "compare/website.h"
#include "importers/csv.h"

using namespace oneself;
using namespace oneself::compare;

namespace {

void CheckNormalized(const std::string& n) {
  if (!n.empty() && (n.front() == ' ' || n.back() == ' ')) __builtin_trap();
  if (n.find("  ") != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (auto fold : {text::Fold::kStrict, text::Fold::kCase, text::Fold::kLoose}) {
    std::string n = text::Normalize(s, fold);
    CheckNormalized(n);
    // Compatibility decomposition can expand a code point up to 18 times
    // (U+FDFA); anything beyond that is a runaway.
    if (n.size() > 18 * size + 16) __builtin_trap();
    for (std::string_view t : text::Tokens(n)) {
      if (t.empty()) __builtin_trap();
    }
  }
  (void)text::HasSymbol(s);
  std::string_view trimmed = text::Trim(s);
  if (trimmed.size() > s.size()) __builtin_trap();

  size_t cps = text::CountCodePoints(s);
  size_t graphemes = text::CountGraphemes(s);
  if (cps > size || graphemes > size) __builtin_trap();
  // On valid UTF-8 (all the engine ever sees: the protocol refuses the rest)
  // a grapheme cluster holds at least one code point.
  if (importers::IsValidUtf8(s) && graphemes > cps) __builtin_trap();
  (void)text::CountXWeighted(s);
  auto starts = text::GraphemeStarts(s);
  if (starts.empty() || starts.back() != size) __builtin_trap();
  if (size > 0 && starts.front() != 0) __builtin_trap();
  for (size_t i = 1; i < starts.size(); ++i) {
    if (starts[i] <= starts[i - 1]) __builtin_trap();
  }

  (void)UrlKey(s);
  (void)IsShortenedUrl(s);
  (void)TitleKey(s);
  (void)EmployerKey(s);
  (void)SplitStatement(s);
  (void)TitleSimilarity(TitleKey(s), TitleKey(s.substr(0, size / 2)));
  Place p = ParsePlace(s);
  (void)ComparePlaces(p, ParsePlace(s.substr(size / 2)));
  (void)ParseMonth(s);
  return 0;
}
