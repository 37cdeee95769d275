// Fuzz target: the JSON reader (json/parse.h) against nlohmann's own parser
// on arbitrary bytes. Oracle: the two agree on whether the text is JSON, and
// where it is, build the same document (compared by its serialization, which
// tells 1 from 1.0). The reader alone may refuse nesting past its depth limit
// (nlohmann has none) and a NUL byte after a whole document (json/parse.h).
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json/parse.h"
#include "json/write.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  oneself::jsontext::ParseError error;
  const auto ours = oneself::jsontext::Parse(text, {}, &error);
  const auto theirs = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!ours) {
    if (error.kind == oneself::jsontext::ParseError::Kind::kTooDeep) return 0;
    if (theirs.is_discarded()) return 0;
    // The one difference json/parse.h names: nlohmann ends its input at a NUL
    // byte outside a string, so the text before it must be that document.
    if (error.offset >= size || text[error.offset] != '\0') __builtin_trap();
    const auto before = oneself::jsontext::Parse(text.substr(0, error.offset));
    if (!before || before->dump() != theirs.dump()) __builtin_trap();
    return 0;
  }
  if (theirs.is_discarded()) __builtin_trap();
  if (ours->dump() != theirs.dump()) __builtin_trap();
  // Requests refuse repeated keys: whatever is accepted then has none, so
  // it is the same document as without the check.
  oneself::jsontext::ParseOptions strict;
  strict.rejectDuplicateKeys = true;
  const auto once = oneself::jsontext::Parse(text, strict);
  if (once && once->dump() != ours->dump()) __builtin_trap();
  // Arrays of bytes under a named key read as one binary value (as requests
  // read a photo's gray values) are the same document once written back.
  oneself::jsontext::ParseOptions bytes;
  bytes.bytesKey = "g";
  bytes.bytesCount = 3;
  const auto compact = oneself::jsontext::Parse(text, bytes);
  if (!compact) __builtin_trap();
  std::string written;
  oneself::jsontext::AppendJson(written, *compact);
  if (nlohmann::json::parse(written).dump() != ours->dump()) __builtin_trap();
  return 0;
}
