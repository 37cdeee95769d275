// The perceptual hash of a profile photo and the distance between two.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace oneself::compare {

// Two photos are the same picture when their hashes differ in at most this
// many of 64 bits. Chosen from tests/host/compare_photo.cpp: resized,
// re-compressed (quantized, noised) and cropped copies stay well below it,
// different pictures well above it (docs/compare.md has the figures).
inline constexpr int kPhotoMaxDistance = 12;

// DCT-II of the 32x32 image, the 8x8 lowest frequencies, each bit set when the
// coefficient is above their median; row-major, first coefficient = top bit.
uint64_t PhashOfGray(std::span<const uint8_t, 1024> gray);

// A photo's 32x32 gray values as a request carries them: an array of 1,024
// integers 0..255, or the binary value the request reader makes of one
// (json/parse.h, ParseOptions::bytesKey). False if `gray` is neither.
bool ReadGray(const nlohmann::json& gray, std::array<uint8_t, 1024>& pixels);

std::string PhashHex(uint64_t hash);                     // 16 lowercase hex digits
std::optional<uint64_t> ParsePhash(std::string_view hex);  // exactly 16 hex digits
int HammingDistance(uint64_t a, uint64_t b);

}  // namespace oneself::compare
