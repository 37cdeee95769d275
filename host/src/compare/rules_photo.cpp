// Photo: the perceptual hash of what the site shows against the canonical
// photo's; a Hamming distance over kPhotoMaxDistance is a different picture.
#include <array>

#include "compare/photo.h"
#include "compare/rules.h"

namespace oneself::compare {

void CheckPhoto(RuleContext& ctx, const nlohmann::json& photo) {
  if (!ctx.canon.photo) return;
  uint64_t hash = 0;
  if (photo.contains("phash")) {
    hash = *ParsePhash(photo["phash"].get<std::string>());  // validated by the engine
  } else {
    std::array<uint8_t, 1024> gray{};
    ReadGray(photo["gray"], gray);  // validated by the engine
    hash = PhashOfGray(gray);
  }
  const int distance = HammingDistance(hash, *ctx.canon.photo);
  if (distance <= kPhotoMaxDistance) return;
  Warning w;
  w.field = "photo";
  w.severity = "warning";
  w.code = "photo_differs";
  w.observed = PhashHex(hash);
  w.canonical = PhashHex(*ctx.canon.photo);
  w.message = "Profile photo is not your canonical photo.";
  ctx.out.push_back(std::move(w));
}

}  // namespace oneself::compare
