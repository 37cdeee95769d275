// PrecheckJson: the pass over every request's bytes before the JSON parser,
// refusing invalid UTF-8 (anywhere) and nesting deeper than kMaxJsonDepth.
#include <catch2/catch.hpp>

#include <string>

#include "protocol/limits.h"
#include "protocol/message.h"

using oneself::Code;
using oneself::protocol::kMaxJsonDepth;
using oneself::protocol::PrecheckJson;

namespace {

std::string Nested(int depth, char open, char close) {
  return std::string(static_cast<size_t>(depth), open) + std::string(static_cast<size_t>(depth), close);
}

}  // namespace

TEST_CASE("precheck: nesting is counted outside strings only", "[protocol]") {
  CHECK(PrecheckJson(Nested(kMaxJsonDepth, '[', ']')).ok());
  CHECK(PrecheckJson(Nested(kMaxJsonDepth + 1, '[', ']')).code() == Code::kBadJson);
  CHECK(PrecheckJson("{\"a\":" + Nested(kMaxJsonDepth, '[', ']') + "}").code() == Code::kBadJson);
  // Brackets inside strings, escaped quotes and backslashes do not count.
  const std::string brackets(200, '[');
  CHECK(PrecheckJson("{\"a\":\"" + brackets + "\"}").ok());
  CHECK(PrecheckJson("[\"\\\"" + brackets + "\"]").ok());
  CHECK(PrecheckJson("[\"\\\\\"," + Nested(kMaxJsonDepth - 1, '[', ']') + "]").ok());
  CHECK(PrecheckJson("[\"\\\\\"," + Nested(kMaxJsonDepth, '[', ']') + "]").code() == Code::kBadJson);
}

TEST_CASE("precheck: invalid UTF-8 is refused wherever it is", "[protocol]") {
  CHECK(PrecheckJson("{\"bio\":\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x99\x82\"}").ok());
  CHECK(PrecheckJson("{\"bio\":\"caf\xc3\"}").code() == Code::kBadJson);       // cut short
  CHECK(PrecheckJson("{\"bio\":\"\xed\xa0\x80\"}").code() == Code::kBadJson);  // a surrogate
  CHECK(PrecheckJson("{\"bio\":\"\xc0\xaf\"}").code() == Code::kBadJson);      // overlong
  CHECK(PrecheckJson("{\"bio\":\"\xf4\x90\x80\x80\"}").code() == Code::kBadJson);  // > U+10FFFF
  CHECK(PrecheckJson("[1,\xff]").code() == Code::kBadJson);                    // outside a string
  CHECK(PrecheckJson("[\"\\\xff\"]").code() == Code::kBadJson);                // after a backslash
  CHECK(PrecheckJson("[\"\\\xc3\xa9\"]").ok());  // well-formed (the parser refuses the escape)
  auto refused = PrecheckJson("[\"abc\xff\"]");
  CHECK(refused.message().find("byte 5") != std::string::npos);
}
