// The perceptual hash must never change: hashes are stored in users'
// profiles (profile.photo.phash) and compared with what pages show. The DCT in
// compare/photo.cpp is written for speed (loops reordered so they vectorize);
// this test holds it to the straightforward loops it replaced, kept here as
// the reference, bit for bit, over many random images and the fixture photos.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/dct_basis.h"
#include "compare/engine.h"
#include "compare/image.h"
#include "compare/photo.h"

using nlohmann::json;
using namespace oneself::compare;

namespace {

// The reference: the hash as first written, one sum per coefficient, x (then
// y) ascending. Do not "improve" it; it defines the stored hashes.
uint64_t ReferencePhash(const std::array<uint8_t, 1024>& gray) {
  std::array<std::array<double, 32>, 8> c{};
  const double pi = std::acos(-1.0);
  for (int u = 0; u < 8; ++u) {
    for (int x = 0; x < 32; ++x) {
      c[static_cast<size_t>(u)][static_cast<size_t>(x)] = std::cos((2.0 * x + 1.0) * u * pi / 64.0);
    }
  }
  std::array<std::array<double, 8>, 32> rows{};
  for (size_t y = 0; y < 32; ++y) {
    for (size_t u = 0; u < 8; ++u) {
      double sum = 0;
      for (size_t x = 0; x < 32; ++x) sum += gray[y * 32 + x] * c[u][x];
      rows[y][u] = sum;
    }
  }
  std::array<double, 64> coef{};
  for (size_t v = 0; v < 8; ++v) {
    for (size_t u = 0; u < 8; ++u) {
      double sum = 0;
      for (size_t y = 0; y < 32; ++y) sum += rows[y][u] * c[v][y];
      coef[v * 8 + u] = sum;
    }
  }
  std::array<double, 64> sorted = coef;
  std::nth_element(sorted.begin(), sorted.begin() + 32, sorted.end());
  const double upper = sorted[32];
  const double lower = *std::max_element(sorted.begin(), sorted.begin() + 32);
  const double median = (upper + lower) / 2;
  uint64_t hash = 0;
  for (size_t i = 0; i < 64; ++i) hash = (hash << 1) | (coef[i] > median ? 1u : 0u);
  return hash;
}

std::array<uint8_t, 1024> FromJson(const json& gray) {
  REQUIRE(gray.is_array());
  REQUIRE(gray.size() == 1024);
  std::array<uint8_t, 1024> out{};
  for (size_t i = 0; i < 1024; ++i) out[i] = gray[i].get<uint8_t>();
  return out;
}

std::vector<uint8_t> ReadBytes(const std::string& relative) {
  std::ifstream in(std::string(ONESELF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Both entry points (the bytes and the JSON the protocol carries) against the reference.
void RequireSame(const std::array<uint8_t, 1024>& gray) {
  const uint64_t want = ReferencePhash(gray);
  REQUIRE(PhashOfGray(gray) == want);
  const auto viaJson = PerceptualHash(json(gray));
  REQUIRE(viaJson.ok());
  REQUIRE(*viaJson == PhashHex(want));
}

}  // namespace

TEST_CASE("phash: bit-identical to the reference DCT on random images", "[compare][photo]") {
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int checked = 0;
  for (int n = 0; n < 1500; ++n) {
    std::array<uint8_t, 1024> g{};
    switch (n % 3) {
      case 0:  // noise: every coefficient far from the others
        for (auto& v : g) v = static_cast<uint8_t>(byte(rng));
        break;
      case 1: {  // smooth gradients with a little noise: what photos look like
        const double a = unit(rng) * 255, bx = unit(rng) * 4 - 2, by = unit(rng) * 4 - 2;
        for (size_t i = 0; i < 1024; ++i) {
          const double v = a + bx * static_cast<double>(i % 32) + by * static_cast<double>(i / 32) +
                           (unit(rng) - 0.5) * 6;
          g[i] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
        }
        break;
      }
      default: {  // few levels in blocks: many near-equal coefficients, ties at the median
        const int levels = 1 + n % 4;
        for (size_t by = 0; by < 4; ++by) {
          for (size_t bx = 0; bx < 4; ++bx) {
            const auto v = static_cast<uint8_t>((byte(rng) % levels) * (255 / levels));
            for (size_t y = by * 8; y < by * 8 + 8; ++y) {
              for (size_t x = bx * 8; x < bx * 8 + 8; ++x) g[y * 32 + x] = v;
            }
          }
        }
        break;
      }
    }
    RequireSame(g);
    ++checked;
  }
  // Flat images: every coefficient but the first is rounding noise, so the
  // hash is decided by the last bits of each sum.
  for (int level : {0, 1, 7, 128, 254, 255}) {
    std::array<uint8_t, 1024> g{};
    g.fill(static_cast<uint8_t>(level));
    RequireSame(g);
    g[517] = static_cast<uint8_t>(255 - level);
    RequireSame(g);
    checked += 2;
  }
  CHECK(checked == 1512);
}

TEST_CASE("phash: bit-identical to the reference DCT on the fixture photos", "[compare][photo]") {
  // The benchmark's and the corpus's 32x32 renderings, as the browser sends them.
  std::vector<std::array<uint8_t, 1024>> images;
  {
    std::ifstream in(std::string(ONESELF_SOURCE_DIR) + "/bench/data/photo-gray.json");
    REQUIRE(in);
    images.push_back(FromJson(json::parse(in)["gray"]));
  }
  std::ifstream corpus(std::string(ONESELF_SOURCE_DIR) + "/tests/corpus/photo.jsonl");
  REQUIRE(corpus);
  for (std::string line; std::getline(corpus, line);) {
    if (line.empty()) continue;
    const json c = json::parse(line);
    if (c.contains("canonicalGray")) images.push_back(FromJson(c["canonicalGray"]));
    if (c.contains("observed") && c["observed"].contains("gray")) {
      images.push_back(FromJson(c["observed"]["gray"]));
    }
  }
  // The extension fixtures' portraits, decoded as `oneself photo` decodes a file.
  for (const char* png : {"tests/extension/fixtures/assets/ada.png",
                          "tests/extension/fixtures/assets/marcus.png"}) {
    auto gray = DecodeToGray32(ReadBytes(png));
    REQUIRE(gray.ok());
    REQUIRE(gray->size() == 1024);
    std::array<uint8_t, 1024> g{};
    std::copy(gray->begin(), gray->end(), g.begin());
    images.push_back(g);
  }
  REQUIRE(images.size() >= 40);
  for (const auto& g : images) RequireSame(g);
  // Pinned: the benchmark photo's hash as the first implementation computed
  // it, so that the reference above cannot drift together with the code.
  CHECK(PhashHex(PhashOfGray(images[0])) == "f06a918197a59b97");
}

TEST_CASE("phash: the written-out DCT basis is the cosine expression it stands for", "[compare][photo]") {
  // compare/dct_basis.h replaces computing the table with std::cos (the host
  // no longer loads libm). Every entry must be within one unit in the last
  // place of the expression; with glibc, the libm the hashes were defined
  // with, every entry must be that expression to the bit.
  const double pi = std::acos(-1.0);
  int exact = 0;
  for (int x = 0; x < 32; ++x) {
    for (int u = 0; u < 8; ++u) {
      const double want = std::cos((2.0 * x + 1.0) * u * pi / 64.0);
      const double have = kDctBasis[static_cast<size_t>(x)][static_cast<size_t>(u)];
      INFO("x = " << x << ", u = " << u);
      REQUIRE(have >= std::nextafter(want, -2.0));
      REQUIRE(have <= std::nextafter(want, 2.0));
      if (have == want) ++exact;
    }
  }
#ifdef __GLIBC__
  CHECK(exact == 256);
#else
  CHECK(exact > 0);
#endif
}
