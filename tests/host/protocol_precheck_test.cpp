// PrecheckJson: the pass over every request's bytes before the JSON parser,
// refusing invalid UTF-8 (anywhere) and nesting deeper than kMaxJsonDepth.
#include <catch2/catch.hpp>

#include <string>

#include "protocol/limits.h"
#include "protocol/message.h"

using oneself::Code;
using oneself::Status;
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

TEST_CASE("precheck: a request it refuses is refused with its message", "[protocol]") {
  // ParseRequest runs the precheck only on what the JSON reader refused, so
  // the reader must refuse everything the precheck does, and the message must
  // still be the precheck's, whatever else is wrong with the request.
  const std::string deep = "{\"id\":1,\"type\":\"check\",\"fields\":" + Nested(kMaxJsonDepth + 1, '[', ']') + "}";
  const std::string deepest = "{\"id\":1,\"type\":\"check\",\"fields\":" + Nested(kMaxJsonDepth - 1, '[', ']') + "}";
  for (const std::string& text : {
           deep,
           std::string("{\"id\":1,\"type\":\"check\",\"fields\":{\"bio\":\"caf\xc3\"}}"),
           std::string("{\"id\":1,\"id\":2,\"type\":\"check\",\"fields\":{\"bio\":\"\xed\xa0\x80\"}}"),
           std::string("{\"id\":1,\"type\":\"hello\"} \xff"),
           std::string("[\xc0\xaf]"),
       }) {
    INFO(text);
    const Status precheck = PrecheckJson(text);
    REQUIRE_FALSE(precheck.ok());
    const auto parsed = oneself::protocol::ParseRequest(text);
    CHECK(parsed.status.code() == Code::kBadJson);
    CHECK(parsed.status.message() == precheck.message());
  }
  // Exactly the limit is a request; the reader's own refusals keep its message.
  CHECK(oneself::protocol::ParseRequest(deepest).status.ok());
  const auto broken = oneself::protocol::ParseRequest("{\"id\":1,\"type\":\"hello\",}");
  CHECK(broken.status.code() == Code::kBadJson);
  CHECK(broken.status.message().find("not valid JSON") != std::string::npos);
}
