// Dispose (json/dispose.h): whatever the document, it ends null, and the
// arrays it empties first are only those holding scalars.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "json/dispose.h"
#include "json/parse.h"

using nlohmann::json;
using oneself::jsontext::Dispose;

TEST_CASE("dispose: every document ends null", "[json]") {
  json gray = json::array();
  for (int i = 0; i < 1024; ++i) gray.push_back(i % 256);
  for (json doc : {json(nullptr), json(3), json("text"), json::array(), json::object(), gray,
                   json{{"fields", {{"photo", {{"gray", gray}}}, {"links", json::array({{{"url", "a"}}, "b", 1})}}}},
                   json::array({json::array({1, 2}), json::array({json::array({true, nullptr})}), "x"})}) {
    Dispose(doc);
    CHECK(doc.is_null());
  }
}

TEST_CASE("dispose: arrays of scalars are emptied first, nothing else", "[json]") {
  json doc = {{"id", 7},
              {"fields", {{"photo", {{"gray", json::array({1, 2, 3})}}},
                          {"links", json::array({{{"url", "a"}, {"tags", json::array({"x", "y"})}}, "b"})},
                          {"empty", json::array()},
                          {"matrix", json::array({json::array({1, 2}), json::array({3})})}}}};
  oneself::jsontext::EmptyScalarArrays(doc);
  CHECK(doc["id"] == 7);
  CHECK(doc["fields"]["photo"]["gray"] == json::array());
  // An array holding an object keeps its items; the object's own array of
  // scalars is emptied.
  REQUIRE(doc["fields"]["links"].size() == 2);
  CHECK(doc["fields"]["links"][0]["url"] == "a");
  CHECK(doc["fields"]["links"][0]["tags"] == json::array());
  CHECK(doc["fields"]["links"][1] == "b");
  CHECK(doc["fields"]["matrix"] == json::array({json::array(), json::array()}));
}

TEST_CASE("dispose: nesting deeper than a request may is left to the library", "[json]") {
  // Built by hand: the reader would refuse it. No recursion past the limit,
  // no crash, and still null at the end.
  json deep = json::array({1, 2, 3});
  for (int i = 0; i < 5000; ++i) deep = json::array({std::move(deep), i});
  Dispose(deep);
  CHECK(deep.is_null());

  std::string text;
  for (int i = 0; i < 63; ++i) text += "{\"a\":";  // with the array, 64 levels
  text += "[1,2,3]";
  for (int i = 0; i < 63; ++i) text += "}";
  oneself::jsontext::ParseOptions options;
  options.maxDepth = 64;
  auto parsed = oneself::jsontext::Parse(text, options);
  REQUIRE(parsed);
  Dispose(*parsed);
  CHECK(parsed->is_null());
}
