// The canonical profile prepared for comparison: every value normalized once
// per revision, so that a check costs only the work on the observed side.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/location.h"
#include "compare/text.h"
#include "compare/title.h"
#include "sites/site_table.h"
#include "store/store.h"

namespace oneself::compare {

// Month precision dates: year * 12 + month - 1; `yearOnly` when only a year is known.
struct Month {
  int value = 0;
  bool yearOnly = false;
};
std::optional<Month> ParseMonth(std::string_view s);  // "2021", "2021-03", "2021-03-14"

struct NameModel {
  std::string full;                   // as written
  std::vector<std::string> given;     // loose tokens
  std::vector<std::string> family;
  std::vector<std::string> middle;
  std::vector<std::string> nicknames;  // loose tokens of every nickname
  // The name as a two-input form wants it (LinkedIn's first/last name): the
  // written given and family names; when the profile has only the full name,
  // everything before its last word and that last word.
  std::string givenText, familyText;
};

struct Position {
  std::string employer, title;      // as written
  std::string employerKey, titleKey;
  std::optional<Month> start, end;  // end empty = current
  std::string startText, endText;
};

struct BioVariant {
  std::string source;  // "short", "medium", "long", "about", "override"
  std::string text;
  std::string loose;   // Normalize(text)
  std::vector<uint64_t> words;  // SortedTokenHashes(loose), for similarity
  // text's length as each way of counting counts it (text::CountFor), counted
  // on first use and kept for the revision: fitting the bio to a site
  // compares every variant's, on every check, while a host started for one
  // message needs one way of counting at most (graphemes are dear to count).
  static constexpr size_t kUncounted = static_cast<size_t>(-1);
  mutable std::array<size_t, 3> lengths{kUncounted, kUncounted, kUncounted};
  size_t Length(sites::Counting c) const {
    size_t& n = lengths[static_cast<size_t>(c)];
    if (n == kUncounted) n = text::CountFor(c, text);
    return n;
  }
};
static_assert(static_cast<size_t>(sites::Counting::kCodePointsUrl23) == 2,
              "BioVariant::lengths has one entry per sites::Counting");

struct PreviousValue {
  std::string value;
  std::string loose;
  std::string until;  // RFC 3339
  // What the field's rule compares of the value (a headline's statement, a
  // title's, employer's or address's key, a place), made by the first check
  // that asks whether a page shows this earlier value, and kept with the
  // prepared revision for the checks after it.
  mutable std::optional<StatementKeys> statementKeys;
  mutable std::optional<std::string> key;
  mutable std::optional<Place> place;
};

struct Canonical {
  int64_t revision = -1;
  // The document this was built from, kept only for a snapshot without an
  // identity (a copy), whose document is then the cache's key; a shared
  // snapshot's identity is key enough (copying the document was a tenth of
  // the instructions of a cold check).
  nlohmann::json doc;
  uint64_t identity = 0;  // the snapshot's, when it had one (store::Snapshot)

  std::optional<NameModel> name;
  std::string headline, headlineLoose;
  StatementKeys headlineKeys;  // KeysOf(SplitStatement(headline))
  std::vector<BioVariant> bios;  // short, medium, long, about (those present)
  std::string website, websiteKey;
  std::vector<std::string> linkKeys;  // website, links[].url, profiles[].url
  std::string location;
  Place place;
  std::vector<Position> work;
  int current = -1;  // index in work of the current position (latest start), or -1
  std::optional<uint64_t> photo;
  // previous values per key: "name", "headline", "bio", "location", "website", "employer", "title"
  std::vector<std::pair<std::string, std::vector<PreviousValue>>> previous;

  const std::vector<PreviousValue>* Previous(std::string_view key) const;
};

Canonical BuildCanonical(const store::Snapshot& snapshot);

// The prepared form of `snapshot`, built once and reused while the revision
// and document are unchanged. The reference is valid until the next call on
// the same thread (one cache per thread: no locks on the hot path).
const Canonical& CanonicalFor(const store::Snapshot& snapshot);

// Parses a name written as one string against the canonical given/family split.
NameModel BuildName(const nlohmann::json& name);

// True when every word of `given` and `family` is a word of `full` (accents
// and case aside): the parts describe the same name.
bool NamePartsFit(std::string_view full, std::string_view given, std::string_view family);

}  // namespace oneself::compare
