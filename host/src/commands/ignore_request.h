// The shared shape of ignore.add and ignore.remove: {site, field, observed}.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::commands {

struct IgnoreRequest {
  std::string site;      // canonical site id
  std::string field;     // a check field: "headline", "bio", ...
  nlohmann::json observed;  // the exact value the site showed
};

Result<IgnoreRequest> ParseIgnoreRequest(const nlohmann::json& request);

// The site's ignores array in `doc`, created if absent.
nlohmann::json& IgnoresOf(nlohmann::json& doc, const std::string& site);

}  // namespace oneself::commands
