// JPEG, PNG and GIF (its first frame) decoding with stb_image (libstb-dev),
// restricted to those formats, WebP with libwebp (libwebp-dev, the decoder
// browsers use), and the area-average scaling to 32x32 gray the extension
// also uses.
#include "compare/image.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <memory>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Wcomma"
#pragma GCC diagnostic ignored "-Wshorten-64-to-32"
#pragma GCC diagnostic ignored "-Wimplicit-int-conversion"
#endif
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_FAILURE_USERMSG
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#ifndef ONESELF_NO_WEBP
#include <webp/decode.h>
#endif

namespace oneself::compare {
namespace {

// Bounds memory before any pixel is decoded: 16 megapixels at 4 bytes each.
constexpr int kMaxSide = 8192;
constexpr long kMaxPixels = 16L * 1024 * 1024;

struct StbFree {
  void operator()(unsigned char* p) const { stbi_image_free(p); }
};
#ifndef ONESELF_NO_WEBP
struct WebPRelease {
  void operator()(uint8_t* p) const { WebPFree(p); }
};
#else
// The Windows build has no libwebp (cmake/windows-deps.cmake): a WebP file
// is named as such and refused with how to convert it.
bool IsWebP(std::span<const uint8_t> bytes) {
  return bytes.size() >= 12 && std::string_view(reinterpret_cast<const char*>(bytes.data()), 4) == "RIFF" &&
         std::string_view(reinterpret_cast<const char*>(bytes.data()) + 8, 4) == "WEBP";
}
#endif

// std::lround of the value clamped to 0..255, halves away from zero, done
// here because lround was one of the two functions the host took from libm
// (see compare/dct_basis.h). Exact: below 2^52 the fraction subtracts exactly.
uint8_t RoundToByte(double value) {
  const double v = std::clamp(value, 0.0, 255.0);
  const int whole = static_cast<int>(v);
  return static_cast<uint8_t>(v - whole >= 0.5 ? whole + 1 : whole);
}

// Area-average of a w x h channel-plane `src` into 32 samples per axis:
// each output cell averages the source area it covers, fractional pixels
// weighted by the part they cover (what a canvas draws with smoothing on a
// large downscale).
std::vector<double> AreaAverage(const std::vector<double>& src, int w, int h) {
  auto weights = [](int n, int out, int o, int i) {
    const double scale = static_cast<double>(n) / out;
    const double lo = o * scale, hi = (o + 1) * scale;
    const double a = std::max(lo, static_cast<double>(i));
    const double b = std::min(hi, static_cast<double>(i + 1));
    return b > a ? b - a : 0.0;
  };
  std::vector<double> tmp(static_cast<size_t>(32) * static_cast<size_t>(h), 0.0);
  for (int y = 0; y < h; ++y) {
    for (int ox = 0; ox < 32; ++ox) {
      const double scale = static_cast<double>(w) / 32;
      const int x0 = static_cast<int>(std::floor(ox * scale));
      const int x1 = std::min(w, static_cast<int>(std::ceil((ox + 1) * scale)));
      double sum = 0, wsum = 0;
      for (int x = x0; x < x1; ++x) {
        const double wt = weights(w, 32, ox, x);
        sum += wt * src[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)];
        wsum += wt;
      }
      tmp[static_cast<size_t>(y) * 32 + static_cast<size_t>(ox)] = wsum > 0 ? sum / wsum : 0;
    }
  }
  std::vector<double> out(1024, 0.0);
  for (int oy = 0; oy < 32; ++oy) {
    const double scale = static_cast<double>(h) / 32;
    const int y0 = static_cast<int>(std::floor(oy * scale));
    const int y1 = std::min(h, static_cast<int>(std::ceil((oy + 1) * scale)));
    for (int ox = 0; ox < 32; ++ox) {
      double sum = 0, wsum = 0;
      for (int y = y0; y < y1; ++y) {
        const double wt = weights(h, 32, oy, y);
        sum += wt * tmp[static_cast<size_t>(y) * 32 + static_cast<size_t>(ox)];
        wsum += wt;
      }
      out[static_cast<size_t>(oy) * 32 + static_cast<size_t>(ox)] = wsum > 0 ? sum / wsum : 0;
    }
  }
  return out;
}

// Image formats people save photos in that are not read here, known by
// their first bytes, so that the refusal says what the file is.
std::string_view OtherFormat(std::span<const uint8_t> b) {
  auto at = [&](size_t offset, std::string_view magic) {
    return b.size() >= offset + magic.size() &&
           std::equal(magic.begin(), magic.end(), b.begin() + static_cast<std::ptrdiff_t>(offset),
                      [](char m, uint8_t c) { return static_cast<uint8_t>(m) == c; });
  };
  if (at(4, "ftypheic") || at(4, "ftypheix") || at(4, "ftypmif1")) return "HEIC";
  if (at(4, "ftypavif")) return "AVIF";
  if (at(0, "BM")) return "BMP";
  if (at(0, std::string_view("II*\0", 4)) || at(0, std::string_view("MM\0*", 4))) return "TIFF";
  if (at(0, "<svg") || at(0, "<?xml")) return "SVG";
  return {};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

Result<std::vector<uint8_t>> DecodeToGray32(std::span<const uint8_t> fileBytes) {
  if (fileBytes.empty() || fileBytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::BadImport("not a JPEG, PNG, GIF or WebP image");
  }
  if (std::string_view other = OtherFormat(fileBytes); !other.empty()) {
    return Status::BadImport("a " + std::string(other) +
                             " image, which oneself does not read; save it as JPEG or PNG (for example with an "
                             "image editor's Export, or ImageMagick's `convert photo." +
                             Lower(other) + " photo.png`) and set that");
  }
  int w = 0, h = 0, comp = 0;
#ifndef ONESELF_NO_WEBP
  const bool webp = WebPGetInfo(fileBytes.data(), fileBytes.size(), &w, &h) != 0;
#else
  if (IsWebP(fileBytes)) {
    return Status::BadImport("a WebP image, which oneself does not read on Windows; save it as JPEG or PNG (for "
                             "example with Paint's Save as) and set that");
  }
  constexpr bool webp = false;
#endif
  const auto len = static_cast<int>(fileBytes.size());
  if (!webp && !stbi_info_from_memory(fileBytes.data(), len, &w, &h, &comp)) {
    return Status::BadImport("not a JPEG, PNG, GIF or WebP image");
  }
  if (w <= 0 || h <= 0 || w > kMaxSide || h > kMaxSide ||
      static_cast<long>(w) * static_cast<long>(h) > kMaxPixels) {
    return Status::BadImport("image is too large (" + std::to_string(w) + "x" +
                             std::to_string(h) + ")");
  }
  std::unique_ptr<unsigned char, StbFree> stbPixels;
#ifndef ONESELF_NO_WEBP
  std::unique_ptr<uint8_t, WebPRelease> webpPixels;
  if (webp) {
    webpPixels.reset(WebPDecodeRGBA(fileBytes.data(), fileBytes.size(), &w, &h));
    if (!webpPixels) return Status::BadImport("cannot decode image: the WebP data is damaged");
  } else {
#else
  {
#endif
    stbPixels.reset(stbi_load_from_memory(fileBytes.data(), len, &w, &h, &comp, 4));
    if (!stbPixels) return Status::BadImport(std::string("cannot decode image: ") + stbi_failure_reason());
  }
  // Gray per pixel, composited over black as a canvas's transparent pixels read.
  std::vector<double> gray(static_cast<size_t>(w) * static_cast<size_t>(h));
#ifndef ONESELF_NO_WEBP
  const unsigned char* p = webp ? webpPixels.get() : stbPixels.get();
#else
  const unsigned char* p = stbPixels.get();
#endif
  for (size_t i = 0; i < gray.size(); ++i, p += 4) {
    const double a = p[3] / 255.0;
    gray[i] = a * (0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]);
  }
  const std::vector<double> small = AreaAverage(gray, w, h);
  std::vector<uint8_t> out(1024);
  for (size_t i = 0; i < 1024; ++i) out[i] = RoundToByte(small[i]);
  return out;
}

}  // namespace oneself::compare
