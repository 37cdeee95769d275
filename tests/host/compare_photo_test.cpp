// The photo fingerprint: the perceptual hash, its threshold, and decoding
// real PNG and JPEG bytes (written here with stb_image_write, so the images
// are synthetic and deterministic) down to the 32x32 gray.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <iostream>
#include <random>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "compare/image.h"
#include "compare/photo.h"
#include "compare_fixture.h"

using namespace oneself::compare;
using compare_test::json;

namespace {

struct Portrait {
  double bg0, bg1, cx, cy, hw, hh, shirt, skin, hair;
};

Portrait Person(unsigned seed) {
  std::mt19937 r(seed);
  auto u = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(r); };
  return {u(20, 230), u(20, 230), u(0.38, 0.62), u(0.32, 0.45), u(0.15, 0.24), u(0.2, 0.28),
          u(10, 240),  u(90, 220), u(10, 200)};
}

// RGB value of the portrait at (x, y) in [0,1]^2; colour so the gray formula matters.
std::array<double, 3> Shade(const Portrait& p, double x, double y) {
  double g = p.bg0 + (p.bg1 - p.bg0) * y;
  const double sx = (x - p.cx) / 0.45, sy = (y - 1.05) / 0.35;
  if (sx * sx + sy * sy < 1) g = p.shirt;
  const double hx = (x - p.cx) / p.hw, hy = (y - p.cy) / p.hh;
  if (hx * hx + hy * hy < 1) {
    g = hy < -0.4 ? p.hair : p.skin;
    for (double ex : {-0.35, 0.35}) {
      if ((hx - ex) * (hx - ex) + (hy + 0.1) * (hy + 0.1) < 0.012) g = 30;
    }
  }
  return {std::min(255.0, g * 1.1), g, g * 0.85};
}

// RGB pixels of the portrait at w x h, viewing [crop, 1 - crop] of it.
std::vector<uint8_t> Render(const Portrait& p, int w, int h, double crop = 0) {
  std::vector<uint8_t> px(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
  for (int j = 0; j < h; ++j) {
    for (int i = 0; i < w; ++i) {
      const double x = crop + (1 - 2 * crop) * (i + 0.5) / w;
      const double y = crop + (1 - 2 * crop) * (j + 0.5) / h;
      const auto rgb = Shade(p, x, y);
      for (size_t c = 0; c < 3; ++c) {
        px[(static_cast<size_t>(j) * static_cast<size_t>(w) + static_cast<size_t>(i)) * 3 + c] =
            static_cast<uint8_t>(std::lround(std::clamp(rgb[c], 0.0, 255.0)));
      }
    }
  }
  return px;
}

void Append(void* ctx, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(ctx);
  const auto* bytes = static_cast<const uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

std::vector<uint8_t> Png(const std::vector<uint8_t>& rgb, int w, int h) {
  std::vector<uint8_t> out;
  REQUIRE(stbi_write_png_to_func(Append, &out, w, h, 3, rgb.data(), w * 3));
  return out;
}

std::vector<uint8_t> Jpeg(const std::vector<uint8_t>& rgb, int w, int h, int quality) {
  std::vector<uint8_t> out;
  REQUIRE(stbi_write_jpg_to_func(Append, &out, w, h, 3, rgb.data(), quality));
  return out;
}

uint64_t HashOf(const std::vector<uint8_t>& file) {
  auto gray = DecodeToGray32(file);
  REQUIRE(gray.ok());
  REQUIRE(gray->size() == 1024);
  return PhashOfGray(std::span<const uint8_t, 1024>(gray->data(), 1024));
}

}  // namespace

TEST_CASE("photo: PerceptualHash validates its input", "[compare][photo]") {
  CHECK_FALSE(PerceptualHash(json::array()).ok());
  CHECK_FALSE(PerceptualHash(json(std::vector<int>(1024, 256))).ok());
  CHECK_FALSE(PerceptualHash(json(std::vector<int>(1023, 0))).ok());
  CHECK_FALSE(PerceptualHash(json("x")).ok());
  auto h = PerceptualHash(json(std::vector<int>(1024, 7)));
  REQUIRE(h.ok());
  // The binary form the request reader makes of the same values (json/parse.h).
  CHECK(*PerceptualHash(json::binary(json::binary_t::container_type(1024, 7))) == *h);
  CHECK_FALSE(PerceptualHash(json::binary(json::binary_t::container_type(1023, 7))).ok());
  CHECK_FALSE(PerceptualHash(json::binary(json::binary_t::container_type(1025, 7))).ok());
  CHECK(h->size() == 16);
  CHECK(ParsePhash(*h).has_value());
  CHECK(PhashHex(0x0123456789abcdefULL) == "0123456789abcdef");
  CHECK(*ParsePhash("0123456789ABCDEF") == 0x0123456789abcdefULL);
  CHECK_FALSE(ParsePhash("0123456789abcde").has_value());
  CHECK_FALSE(ParsePhash("0123456789abcdeg").has_value());
  CHECK(HammingDistance(0, 0xFF) == 8);
}

TEST_CASE("photo: decoding scales by area average to gray", "[compare][photo]") {
  // Pure red: round(0.299 * 255) = 76 everywhere.
  std::vector<uint8_t> red(64 * 48 * 3, 0);
  for (size_t i = 0; i < red.size(); i += 3) red[i] = 255;
  auto g = DecodeToGray32(Png(red, 64, 48));
  REQUIRE(g.ok());
  for (uint8_t v : *g) CHECK(v == 76);
  // A 2x2 checkerboard of black and white averages to mid gray (127.5 -> 128).
  std::vector<uint8_t> board(64 * 64 * 3);
  for (int y = 0; y < 64; ++y) {
    for (int x = 0; x < 64; ++x) {
      const uint8_t v = ((x + y) % 2) ? 255 : 0;
      for (int c = 0; c < 3; ++c) board[static_cast<size_t>((y * 64 + x) * 3 + c)] = v;
    }
  }
  g = DecodeToGray32(Png(board, 64, 64));
  REQUIRE(g.ok());
  for (uint8_t v : *g) CHECK(v == 128);
  // A left half black and right half white image of 48 px width: the middle
  // output columns cover both halves in proportion.
  std::vector<uint8_t> halves(48 * 32 * 3, 0);
  for (int y = 0; y < 32; ++y) {
    for (int x = 24; x < 48; ++x) {
      for (int c = 0; c < 3; ++c) halves[static_cast<size_t>((y * 48 + x) * 3 + c)] = 255;
    }
  }
  g = DecodeToGray32(Png(halves, 48, 32));
  REQUIRE(g.ok());
  CHECK((*g)[0] == 0);
  CHECK((*g)[15] == 0);
  CHECK((*g)[16] == 255);
  CHECK((*g)[31] == 255);
}

TEST_CASE("photo: decoding refuses what is not a small JPEG or PNG", "[compare][photo]") {
  const std::vector<uint8_t> text{'h', 'e', 'l', 'l', 'o'};
  CHECK(DecodeToGray32(text).status().code() == oneself::Code::kBadImport);
  CHECK(DecodeToGray32({}).status().code() == oneself::Code::kBadImport);
  // A GIF header with no image after it.
  const std::vector<uint8_t> gif{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
  CHECK_FALSE(DecodeToGray32(gif).ok());
  // A PNG whose header claims 100000 x 100000 pixels is refused before decoding.
  std::vector<uint8_t> png = Png(std::vector<uint8_t>(3, 0), 1, 1);
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + static_cast<size_t>(i)] = static_cast<uint8_t>(v >> (24 - 8 * i));
  };
  put32(16, 100000);  // IHDR width
  put32(20, 100000);  // IHDR height
  const auto big = DecodeToGray32(png);
  REQUIRE_FALSE(big.ok());
  CHECK(big.status().code() == oneself::Code::kBadImport);
  // Truncated JPEG.
  auto jpeg = Jpeg(Render(Person(1), 64, 64), 64, 64, 80);
  jpeg.resize(40);
  CHECK_FALSE(DecodeToGray32(jpeg).ok());
}

// Synthetic portraits share one composition (a head over shoulders on a
// gradient), so two random ones can be near twins: that is the honest hard
// case for any perceptual hash. Every copy must match; at least 95% of other
// portraits must not.
TEST_CASE("photo: copies stay within the threshold, other portraits do not", "[compare][photo]") {
  int worstSame = 0;
  int closestOther = 64;
  int others = 0;
  int othersApart = 0;
  for (unsigned seed : {3u, 5u, 8u, 13u, 21u}) {
    const Portrait me = Person(seed);
    const uint64_t original = HashOf(Png(Render(me, 400, 400), 400, 400));
    const std::vector<std::pair<const char*, uint64_t>> copies = {
        {"png 200", HashOf(Png(Render(me, 200, 200), 200, 200))},
        {"png 96", HashOf(Png(Render(me, 96, 96), 96, 96))},
        {"jpeg q90 400", HashOf(Jpeg(Render(me, 400, 400), 400, 400, 90))},
        {"jpeg q40 160", HashOf(Jpeg(Render(me, 160, 160), 160, 160, 40))},
        {"jpeg q20 128", HashOf(Jpeg(Render(me, 128, 128), 128, 128, 20))},
        {"crop 3%", HashOf(Png(Render(me, 400, 400, 0.03), 400, 400))},
        {"crop 5% jpeg", HashOf(Jpeg(Render(me, 300, 300, 0.05), 300, 300, 70))},
        {"non-square 400x380", HashOf(Png(Render(me, 400, 380), 400, 380))},
    };
    for (const auto& [what, hash] : copies) {
      const int d = HammingDistance(original, hash);
      INFO("seed " << seed << " " << what << " distance " << d);
      CHECK(d <= kPhotoMaxDistance);
      worstSame = std::max(worstSame, d);
    }
    for (unsigned other = 100; other < 110; ++other) {
      const uint64_t h = HashOf(Png(Render(Person(seed * 1000 + other), 200, 200), 200, 200));
      const int d = HammingDistance(original, h);
      ++others;
      if (d > kPhotoMaxDistance) ++othersApart;
      closestOther = std::min(closestOther, d);
    }
  }
  // The figures docs/compare.md quotes for the threshold.
  std::cout << "photo: worst copy distance " << worstSame << ", closest other portrait " << closestOther
            << ", other portraits apart " << othersApart << "/" << others << ", threshold "
            << kPhotoMaxDistance << "\n";
  CHECK(othersApart >= others * 95 / 100);
}

TEST_CASE("photo: check warns on a different photo, not on a copy", "[compare][photo]") {
  const Portrait me = Person(42);
  auto gray = DecodeToGray32(Png(Render(me, 300, 300), 300, 300));
  REQUIRE(gray.ok());
  const auto canonical = PerceptualHash(json(*gray));
  REQUIRE(canonical.ok());
  const auto snap = compare_test::Patched({{"profile", {{"photo", {{"phash", *canonical}}}}}});
  auto copy = DecodeToGray32(Jpeg(Render(me, 120, 120), 120, 120, 50));
  REQUIRE(copy.ok());
  CHECK(compare_test::RunCheck(snap, "x", {{"photo", {{"gray", *copy}}}})["warnings"].empty());
  auto other = DecodeToGray32(Png(Render(Person(7), 300, 300), 300, 300));
  REQUIRE(other.ok());
  const json r = compare_test::RunCheck(snap, "x", {{"photo", {{"gray", *other}}}});
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["code"] == "photo_differs");
  CHECK(r["warnings"][0]["severity"] == "warning");
  CHECK(r["warnings"][0]["canonical"] == *canonical);
  CHECK(r["warnings"][0]["message"] == "Profile photo is not your canonical photo.");
  // The same comparison from a hash the browser already computed.
  CHECK(compare_test::RunCheck(snap, "x", {{"photo", {{"phash", *canonical}}}})["warnings"].empty());
  // Both at once could disagree (the reply fingerprints the gray values): refused.
  const json both = compare_test::RunCheck(snap, "x", {{"photo", {{"phash", *canonical}, {"gray", *other}}}});
  REQUIRE(both.contains("error"));
  CHECK(both["error"].get<std::string>().find("not both") != std::string::npos);
}

TEST_CASE("photo: the last image's hash is reused only for the same image", "[compare][photo]") {
  // A gradient and its mirror image: different hashes.
  std::array<uint8_t, 1024> a{}, b{};
  for (size_t i = 0; i < 1024; ++i) {
    a[i] = static_cast<uint8_t>((i % 32) * 8);
    b[i] = static_cast<uint8_t>(255 - (i % 32) * 8);
  }
  const uint64_t ha = PhashOfGray(a);
  const uint64_t hb = PhashOfGray(b);
  REQUIRE(ha != hb);
  // Alternating, and after a one-pixel change: each answer is its own image's.
  CHECK(PhashOfGray(a) == ha);
  CHECK(PhashOfGray(b) == hb);
  CHECK(PhashOfGray(a) == ha);
  std::array<uint8_t, 1024> a2 = a;
  a2[1023] = static_cast<uint8_t>(a2[1023] ^ 0x80);
  const uint64_t ha2 = PhashOfGray(a2);
  CHECK(PhashOfGray(a) == ha);
  CHECK(PhashOfGray(a2) == ha2);
}
