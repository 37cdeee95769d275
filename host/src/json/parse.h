// A strict JSON (RFC 8259) reader that builds nlohmann::json documents.
//
// It accepts what nlohmann::json::parse accepts and builds the same values
// (a test and a fuzz target hold the two to each other), with one deliberate
// difference: a NUL byte outside a string ends nlohmann's input (a convenience
// for C strings), so "{}\0junk" is a document there and an error here.
//
// It does so at a fraction of the cost. nlohmann's lexer reads through an
// input adapter one character at a time and collects every token in a buffer,
// about 35 instructions per byte, which made parsing the largest cost of a
// check (bench/README.md). This reader copies string runs whole and builds
// values in place.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace oneself::jsontext {

struct ParseOptions {
  // A key repeated within one object: refused (requests, where which of two
  // "type" keys wins would decide whether a request writes), or the last one
  // kept (nlohmann's rule, for files).
  bool rejectDuplicateKeys = false;
  // Deeper nesting is refused: the reader recurses once per level.
  int maxDepth = 512;
  // When set, an array that is the value of a key named `bytesKey` and holds
  // exactly `bytesCount` integers 0..255 (written plainly: no sign, fraction,
  // exponent or leading zero) is kept as one binary value of those bytes,
  // nlohmann's binary_t, instead of as `bytesCount` numbers. A check's photo
  // comes as 1,024 gray values, and a json value per number was most of the
  // cost of reading such a request (bench/README.md). Anything else under
  // that key is read as usual. AppendJson writes such a value back as the
  // array it was.
  std::string_view bytesKey;
  size_t bytesCount = 0;
};

struct ParseError {
  enum class Kind { kSyntax, kDuplicateKey, kTooDeep };
  Kind kind = Kind::kSyntax;
  size_t offset = 0;  // byte where the reader stopped
  std::string message;
};

// The document `text` holds, or nullopt with `error` (if given) filled in.
std::optional<nlohmann::json> Parse(std::string_view text, const ParseOptions& options = {},
                                    ParseError* error = nullptr);

}  // namespace oneself::jsontext
