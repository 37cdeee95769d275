// The JSON reader (json/parse.h) is held to nlohmann::json::parse: the same
// texts accepted, the same documents built, on fixed edge cases and on many
// random documents and their random corruptions. tests/fuzz/fuzz_json_parse.cpp
// runs the same comparison under libFuzzer.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/parse.h"
#include "json/write.h"

using nlohmann::json;
using oneself::jsontext::Parse;
using oneself::jsontext::ParseError;
using oneself::jsontext::ParseOptions;

namespace {

// Both parsers agree: both refuse `text`, or both build the same document
// (compared by serialization, which tells 1 from 1.0 and -0 from 0.0), but
// for the one difference json/parse.h names.
void RequireSameAsNlohmann(const std::string& text) {
  INFO("text: " << text << " (" << json(text).dump(-1, ' ', true, json::error_handler_t::replace) << ")");
  ParseError error;
  const auto ours = Parse(text, {}, &error);
  const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!ours && !theirs.is_discarded()) {
    // The one difference (json/parse.h): nlohmann ends its input at a NUL
    // byte outside a string. Then the text before it is the same document.
    REQUIRE(error.offset < text.size());
    REQUIRE(text[error.offset] == '\0');
    const auto before = Parse(text.substr(0, error.offset));
    REQUIRE(before);
    REQUIRE(before->dump() == theirs.dump());
    return;
  }
  REQUIRE(ours.has_value() == !theirs.is_discarded());
  if (ours) REQUIRE(ours->dump() == theirs.dump());
}

json RandomValue(std::mt19937& rng, int depth) {
  const int kind = static_cast<int>(rng() % (depth > 3 ? 6 : 8));
  switch (kind) {
    case 0: return nullptr;
    case 1: return rng() % 2 == 0;
    case 2: return static_cast<int64_t>(rng()) - static_cast<int64_t>(rng());
    case 3: return static_cast<double>(static_cast<int32_t>(rng())) / 64.0;
    case 4:
    case 5: {
      static const std::vector<std::string> pieces = {
          "a", "Ada", " ", "\"", "\\", "/", "\n", "\t", std::string(1, '\0'), "\x01",
          "\xC3\xA9", "\xE2\x80\xA6", "\xF0\x9F\x98\x80", "\xEF\xBB\xBF", "{", "]", ":", ","};
      std::string s;
      const size_t n = rng() % 8;
      for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
      return s;
    }
    case 6: {
      json a = json::array();
      const size_t n = rng() % 5;
      for (size_t i = 0; i < n; ++i) a.push_back(RandomValue(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      const size_t n = rng() % 5;
      for (size_t i = 0; i < n; ++i) o[std::string(1, static_cast<char>('a' + rng() % 6))] = RandomValue(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("JSON reader: accepts and builds what nlohmann does on edge cases") {
  for (const char* text : {
           "0", "-0", "1", "-1", "0.5", "-0.0", "1e3", "1E+3", "1e-3", "2.5e-400", "1e400", "-1e400",
           "18446744073709551615", "18446744073709551616", "-9223372036854775808",
           "-9223372036854775809", "123456789012345678901234567890",
           "true", "false", "null", "\"\"", "[]", "{}", " [ 1 , 2 ] ", "\t\r\n{\"a\" :\n1}\n",
           "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0000\"", "\"\\u00e9\\u00C9\"", "\"\\ud83d\\ude00\"",
           "\"\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80\"", "\xEF\xBB\xBF{}", "\xEF\xBB\xBF", "\xEF\xBB{}",
           "{\"a\":1,\"a\":2}", "{\"a\":{\"a\":[{\"a\":null}]}}", "[[[[[[]]]]]]",
           // refused
           "", " ", "01", "-01", "1.", ".5", "+1", "-", "--1", "1e", "1e+", "0x10", "1 2", "NaN", "Infinity",
           "tru", "nul", "falsey", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":}",
           "{a:1}", "{'a':1}", "{\"a\":1", "[1", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
           "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"a\nb\"", "\"a\tb\"",
           "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xE2\x80\"", "\xC3\xA9",
           "[1]x", "{}{}", "//c\n1", "/*c*/1"}) {
    RequireSameAsNlohmann(text);
  }
  // NUL bytes, inside and outside strings.
  RequireSameAsNlohmann(std::string("\"a\0b\"", 5));
  RequireSameAsNlohmann(std::string("[1]\0", 4));
  CHECK_FALSE(Parse(std::string("{}\0{}", 5)));  // nlohmann: {} (its input ends at the NUL)
  RequireSameAsNlohmann(std::string("\0", 1));
}

TEST_CASE("JSON reader: integers keep nlohmann's types") {
  CHECK(Parse("5")->type() == json::value_t::number_unsigned);
  CHECK(Parse("-5")->type() == json::value_t::number_integer);
  CHECK(Parse("-0")->type() == json::value_t::number_integer);
  CHECK(Parse("5.0")->type() == json::value_t::number_float);
  CHECK(Parse("18446744073709551616")->type() == json::value_t::number_float);
  CHECK(Parse("18446744073709551615")->get<uint64_t>() == 18446744073709551615ULL);
}

TEST_CASE("JSON reader: random documents and their corruptions agree with nlohmann") {
  std::mt19937 rng(20261126);
  static const std::string kInserts[] = {"\"", "\\", "{", "}", "[", "]", ",", ":", "-", "0", "e",
                                         ".", " ", "\\u", "\xC3", "\xA9", "\xED", std::string(1, '\0')};
  for (int round = 0; round < 3000; ++round) {
    const json doc = RandomValue(rng, 0);
    std::string text = doc.dump(rng() % 3 == 0 ? 1 : -1);
    RequireSameAsNlohmann(text);
    // A few random edits: a byte changed, removed, or an interesting one inserted.
    for (int edit = 0, edits = 1 + static_cast<int>(rng() % 3); edit < edits && !text.empty(); ++edit) {
      const size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = static_cast<char>(rng() % 256); break;
        case 1: text.erase(at, 1); break;
        default: text.insert(at, kInserts[rng() % std::size(kInserts)]);
      }
    }
    RequireSameAsNlohmann(text);
  }
}

TEST_CASE("JSON reader: repeated keys are refused on request, per object") {
  ParseOptions strict;
  strict.rejectDuplicateKeys = true;
  ParseError error;
  CHECK_FALSE(Parse(R"({"type":"hello","type":"profile.update"})", strict, &error));
  CHECK(error.kind == ParseError::Kind::kDuplicateKey);
  CHECK_FALSE(Parse(R"({"a":{"b":1,"b":1}})", strict));
  CHECK(Parse(R"({"a":{"a":1},"b":[{"a":1},{"a":2}]})", strict));
  // Without the option, the last one wins, as in nlohmann.
  CHECK((*Parse(R"({"a":1,"a":{"x":2}})"))["a"]["x"] == 2);
}

TEST_CASE("JSON reader: nesting past the limit is refused, not recursed into") {
  ParseOptions shallow;
  shallow.maxDepth = 3;
  CHECK(Parse("[[{\"a\":1}]]", shallow));
  ParseError error;
  CHECK_FALSE(Parse("[[[[1]]]]", shallow, &error));
  CHECK(error.kind == ParseError::Kind::kTooDeep);
  CHECK_FALSE(Parse(std::string(100000, '[') + std::string(100000, ']'), {}, &error));
  CHECK(error.kind == ParseError::Kind::kTooDeep);
}

TEST_CASE("JSON reader: errors say where the text went wrong") {
  ParseError error;
  CHECK_FALSE(Parse(R"({"a": [1, 2,, 3]})", {}, &error));
  CHECK(error.kind == ParseError::Kind::kSyntax);
  CHECK(error.offset == 12);
  CHECK_FALSE(error.message.empty());
}

namespace {

ParseOptions BytesUnder(std::string_view key, size_t count) {
  ParseOptions options;
  options.bytesKey = key;
  options.bytesCount = count;
  return options;
}

// With the option, `text` reads to the same document as without it, the
// arrays it turned into bytes written back as numbers.
void RequireSameDocument(const std::string& text, const ParseOptions& options) {
  INFO("text: " << text);
  const auto plain = Parse(text);
  ParseError error;
  const auto compact = Parse(text, options, &error);
  REQUIRE(plain.has_value() == compact.has_value());
  if (!plain) return;
  std::string written;
  oneself::jsontext::AppendJson(written, *compact);
  REQUIRE(json::parse(written) == *plain);
}

}  // namespace

TEST_CASE("JSON reader: an array of bytes under the named key becomes one binary value") {
  const ParseOptions options = BytesUnder("gray", 4);
  auto doc = Parse(R"({"photo":{"gray":[0, 255,7 ,
    19]},"n":[1,2,3,4]})", options);
  REQUIRE(doc);
  const json& gray = (*doc)["photo"]["gray"];
  REQUIRE(gray.is_binary());
  const std::vector<uint8_t> bytes(gray.get_binary().begin(), gray.get_binary().end());
  CHECK(bytes == std::vector<uint8_t>{0, 255, 7, 19});
  // Only under that key: the same numbers elsewhere stay numbers.
  CHECK((*doc)["n"].is_array());
  RequireSameDocument(R"({"photo":{"gray":[0,255,7,19]}})", options);
}

TEST_CASE("JSON reader: anything else under the byte key is read as usual") {
  const ParseOptions options = BytesUnder("gray", 4);
  for (const char* text : {
           R"({"gray":[1,2,3]})",           // too few
           R"({"gray":[1,2,3,4,5]})",       // too many
           R"({"gray":[]})",
           R"({"gray":[1,2,3,256]})",       // out of range
           R"({"gray":[1,2,3,1000]})",
           R"({"gray":[1,2,3,-1]})",
           R"({"gray":[1,2,3,4.0]})",       // not written as a plain integer
           R"({"gray":[1,2,3,4e0]})",
           R"({"gray":[1,2,3,"4"]})",
           R"({"gray":[1,2,3,[4]]})",
           R"({"gray":"1,2,3,4"})",
           R"({"gray":{"a":[1,2,3,4]}})",
           R"({"gray":null})",
       }) {
    auto doc = Parse(text, options);
    REQUIRE(doc);
    CHECK_FALSE((*doc)["gray"].is_binary());
    RequireSameDocument(text, options);
  }
  // Invalid JSON stays invalid, refused where the usual reader refuses it.
  for (const char* text : {R"({"gray":[01,2,3,4]})", R"({"gray":[1,2,3,4,]})", R"({"gray":[1,2,3 4]})",
                           R"({"gray":[1,2,3,4)", R"({"gray":[1,2,3,4]})"}) {
    ParseError plain, compact;
    const bool plainOk = Parse(text, {}, &plain).has_value();
    REQUIRE(Parse(text, options, &compact).has_value() == plainOk);
    if (!plainOk) CHECK(compact.offset == plain.offset);
  }
}

TEST_CASE("JSON reader: the byte key respects the nesting limit") {
  ParseOptions options = BytesUnder("gray", 2);
  options.maxDepth = 1;
  ParseError error;
  CHECK_FALSE(Parse(R"({"gray":[1,2]})", options, &error));
  CHECK(error.kind == ParseError::Kind::kTooDeep);
  options.maxDepth = 2;
  auto doc = Parse(R"({"gray":[1,2]})", options);
  REQUIRE(doc);
  CHECK((*doc)["gray"].is_binary());
}
