// Turning an image file into the 32x32 grayscale rendering the perceptual
// hash works on: the same rendering the extension makes in the browser.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "oneself/status.h"

namespace oneself::compare {

// Decodes a JPEG, PNG, GIF (its first frame) or WebP (by content, not by
// name) and scales it to 32x32 grayscale (1024 values, row-major).
// kBadImport for anything else, naming the format of a HEIC, AVIF, BMP,
// TIFF or SVG file and how to convert it.
Result<std::vector<uint8_t>> DecodeToGray32(std::span<const uint8_t> fileBytes);

}  // namespace oneself::compare
