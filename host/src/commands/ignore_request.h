// The shared shape of ignore.add and ignore.remove: {site, field, observed}.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::commands {

struct IgnoreRequest {
  std::string site;      // canonical site id
  std::string field;     // a check field: "headline", "bio", ...
  nlohmann::json observed;  // the exact value the site showed
};

// The fields an ignore may name: those `check` compares
// (compare/checked_fields.h, which the store's settings check reads too).
std::span<const std::string_view> CheckFields();

Result<IgnoreRequest> ParseIgnoreRequest(const nlohmann::json& request);

// The site's ignores array in `doc`, created if absent.
nlohmann::json& IgnoresOf(nlohmann::json& doc, const std::string& site);

}  // namespace oneself::commands
