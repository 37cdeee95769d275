#include "compare/photo.h"

#include <algorithm>
#include <array>
#include <bit>

#include <nlohmann/json.hpp>

#include "compare/dct_basis.h"
#include "compare/engine.h"
#include "compare/rules.h"

namespace oneself::compare {
namespace {

uint64_t ComputePhash(std::span<const uint8_t, 1024> gray);

}  // namespace

uint64_t PhashOfGray(std::span<const uint8_t, 1024> gray) {
  // A page's photo comes with every check of that page (each keystroke in an
  // edit form), and `check` hashes it twice (to compare, and to record the
  // observation): the last image and its hash are kept, per thread.
  thread_local std::array<uint8_t, 1024> lastGray{};
  thread_local uint64_t lastHash = 0;
  thread_local bool haveLast = false;
  if (haveLast && std::equal(gray.begin(), gray.end(), lastGray.begin())) return lastHash;
  lastHash = ComputePhash(gray);
  std::copy(gray.begin(), gray.end(), lastGray.begin());
  haveLast = true;
  return lastHash;
}

namespace {

uint64_t ComputePhash(std::span<const uint8_t, 1024> gray) {
  // Separable DCT: rows first (32 rows x 8 frequencies), then columns.
  // The hashes are stored in profiles, so every coefficient must come out
  // bit-identical to one sum per coefficient over x (then y) ascending. The
  // loops are ordered so that the innermost one runs over the 8 frequencies,
  // each with its own accumulator: every sum still adds the same terms in the
  // same order, but the 8 sums are independent and vectorize, where a single
  // running sum cannot be without reassociating it.
  // (tests/host/compare_phash_identity_test.cpp holds this to those loops.)
  std::array<std::array<double, 8>, 32> rows{};
  for (size_t y = 0; y < 32; ++y) {
    std::array<double, 8> acc{};
    for (size_t x = 0; x < 32; ++x) {
      const double g = gray[y * 32 + x];
      for (size_t u = 0; u < 8; ++u) acc[u] += g * kDctBasis[x][u];
    }
    rows[y] = acc;
  }
  std::array<double, 64> coef{};
  for (size_t v = 0; v < 8; ++v) {
    std::array<double, 8> acc{};
    for (size_t y = 0; y < 32; ++y) {
      const double c = kDctBasis[y][v];
      for (size_t u = 0; u < 8; ++u) acc[u] += rows[y][u] * c;
    }
    std::copy(acc.begin(), acc.end(), coef.begin() + static_cast<std::ptrdiff_t>(v * 8));
  }
  std::array<double, 64> sorted = coef;
  std::nth_element(sorted.begin(), sorted.begin() + 32, sorted.end());
  const double upper = sorted[32];
  const double lower = *std::max_element(sorted.begin(), sorted.begin() + 32);
  const double median = (upper + lower) / 2;
  uint64_t hash = 0;
  for (size_t i = 0; i < 64; ++i) {
    hash = (hash << 1) | (coef[i] > median ? 1u : 0u);
  }
  return hash;
}

}  // namespace

std::string PhashHex(uint64_t hash) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[hash & 0xF];
    hash >>= 4;
  }
  return out;
}

std::optional<uint64_t> ParsePhash(std::string_view hex) {
  if (hex.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : hex) {
    int d = 0;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

bool ReadGray(const nlohmann::json& gray, std::array<uint8_t, 1024>& pixels) {
  if (const auto* bytes = gray.get_ptr<const nlohmann::json::binary_t*>()) {
    if (bytes->size() != pixels.size()) return false;
    std::copy(bytes->begin(), bytes->end(), pixels.begin());
    return true;
  }
  const auto* values = gray.get_ptr<const nlohmann::json::array_t*>();
  if (values == nullptr || values->size() != pixels.size()) return false;
  // Each value read once, in place (GrayValue): 1,024 of them per photo.
  for (size_t i = 0; i < pixels.size(); ++i) {
    const int v = GrayValue((*values)[i]);
    if (v < 0) return false;
    pixels[i] = static_cast<uint8_t>(v);
  }
  return true;
}

Result<std::string> PerceptualHash(const nlohmann::json& gray) {
  std::array<uint8_t, 1024> pixels{};
  if (!ReadGray(gray, pixels)) {
    return Status::BadRequest("photo.gray must be an array of 1024 integers 0..255");
  }
  return PhashHex(PhashOfGray(pixels));
}

}  // namespace oneself::compare
