// Validation helpers shared by the verbs: each failure is a bad_request that
// names the field, so a caller can fix the request without reading the code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"

namespace oneself::commands {

// A required field of the given kind.
Result<std::string> RequireString(const nlohmann::json& request, std::string_view field);
Result<int64_t> RequireInt(const nlohmann::json& request, std::string_view field, int64_t min);
// The object where it is in `request` (valid while the request is).
Result<const nlohmann::json*> RequireObject(const nlohmann::json& request, std::string_view field);

// An optional field: std::nullopt when absent (or null), an error when present
// with the wrong kind.
Result<std::optional<std::string>> OptionalString(const nlohmann::json& request, std::string_view field);
Result<std::optional<int64_t>> OptionalInt(const nlohmann::json& request, std::string_view field,
                                           int64_t min, int64_t max);
Result<std::optional<nlohmann::json>> OptionalObject(const nlohmann::json& request,
                                                     std::string_view field);

// The canonical site id for a site the site table knows ("twitter" -> "x");
// not_found names the field otherwise.
Result<std::string> RequireSite(const nlohmann::json& request, std::string_view field);

}  // namespace oneself::commands
