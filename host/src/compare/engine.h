// The comparison engine's public face to commands/ and cli/. Pure functions:
// no I/O, no clock (the caller passes "now"), no logging of profile values.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "oneself/status.h"
#include "store/store.h"

namespace oneself::compare {

// `request` is a whole `check` request ({"site", "url", "mode", "fields"}).
// Returns the reply's `result`: {"revision", "warnings", "checked", "score",
// "ignored"?}. kBadRequest names the offending field; kNotFound for an unknown site.
Result<nlohmann::json> Check(const store::Snapshot& canonical, const nlohmann::json& request);

// `bio.get {site}`: {"site", "text", "length", "limit", "truncated", "source"}.
Result<nlohmann::json> FitBio(const store::Snapshot& canonical, std::string_view site);

// The 64-bit DCT perceptual hash of a 32x32 grayscale image (1024 values 0..255),
// as 16 lowercase hex digits. kBadRequest if `gray` is not that.
Result<std::string> PerceptualHash(const nlohmann::json& gray);

}  // namespace oneself::compare
