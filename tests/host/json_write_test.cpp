// The reply writer must write exactly what nlohmann's dump(-1, ' ', false,
// replace) writes: the extension and every test read replies made by it.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "json/write.h"

using nlohmann::json;
using oneself::jsontext::AppendJson;

namespace {

std::string Library(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Ours(const json& value) {
  std::string out;
  AppendJson(out, value);
  return out;
}

std::string RandomBytes(std::mt19937& rng, size_t maxLength) {
  // Mostly text, with control characters, quotes, backslashes, multi-byte
  // characters and, now and then, bytes that are not UTF-8 at all.
  static const std::vector<std::string> pieces = {
      "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'),
      "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x99\x82", "\xef\xbf\xbd",
      "\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xe2\x80", "\xf4\x90\x80\x80", "<b>&amp;"};
  std::string s;
  const size_t n = rng() % (maxLength + 1);
  for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
  return s;
}

json RandomValue(std::mt19937& rng, int depth) {
  switch (rng() % (depth > 3 ? 6 : 8)) {
    case 0: return nullptr;
    case 1: return rng() % 2 == 0;
    case 2: return static_cast<int64_t>(rng()) - static_cast<int64_t>(rng()) * 4096;
    case 3: return static_cast<uint64_t>(rng()) << 31;
    case 4: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
    case 5: return RandomBytes(rng, 12);
    case 6: {
      json a = json::array();
      for (size_t i = rng() % 5; i > 0; --i) a.push_back(RandomValue(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (size_t i = rng() % 5; i > 0; --i) o[RandomBytes(rng, 4)] = RandomValue(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("json writer: the same bytes as the library for every kind of value", "[protocol]") {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  const json cases[] = {
      nullptr, true, false, 0, -1, INT64_MIN, INT64_MAX, UINT64_MAX, 0.1, -0.0, 1e300, 2.5,
      "", controls, "\"quoted\" \\ back\\slash /", "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x99\x82 \x7f",
      "bad \xff byte", "cut \xc3", "surrogate \xed\xa0\x80", json::array(), json::object(),
      {{"b", 1}, {"a", {1, "two", nullptr, {{"z", json::array()}}}}, {"\xc3\xa9", "k\"ey"}},
  };
  for (const json& value : cases) CHECK(Ours(value) == Library(value));
}

TEST_CASE("json writer: the same bytes as the library for random documents", "[protocol]") {
  std::mt19937 rng(20261125);
  for (int i = 0; i < 3000; ++i) {
    const json value = RandomValue(rng, 0);
    REQUIRE(Ours(value) == Library(value));
  }
}
