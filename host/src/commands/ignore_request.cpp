#include "commands/ignore_request.h"

#include <fmt/format.h>

#include <string_view>

#include "commands/fields.h"
#include "compare/checked_fields.h"

namespace oneself::commands {
namespace {

// An observed value is what one field of one page showed; anything bigger
// than this is not that.
constexpr size_t kMaxObservedBytes = 64 * 1024;

}  // namespace

Result<IgnoreRequest> ParseIgnoreRequest(const nlohmann::json& request) {
  IgnoreRequest out;
  Result<std::string> site = RequireSite(request, "site");
  if (!site.ok()) return site.status();
  out.site = std::move(*site);
  Result<std::string> field = RequireString(request, "field");
  if (!field.ok()) return field.status();
  if (!compare::IsCheckedField(*field)) {
    return Status::BadRequest("field 'field' must name a checked field such as \"headline\"");
  }
  out.field = std::move(*field);
  if (!request.contains("observed") || request["observed"].is_null()) {
    return Status::BadRequest("field 'observed' is missing: the exact value the site shows");
  }
  out.observed = request["observed"];
  if (out.observed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() >
      kMaxObservedBytes) {
    return Status::TooLarge(fmt::format("field 'observed' is over {} bytes", kMaxObservedBytes));
  }
  return out;
}

nlohmann::json& IgnoresOf(nlohmann::json& doc, const std::string& site) {
  nlohmann::json& sites = doc["sites"];
  if (!sites.is_object()) sites = nlohmann::json::object();
  nlohmann::json& entry = sites[site];
  if (!entry.is_object()) entry = nlohmann::json::object();
  nlohmann::json& ignores = entry["ignores"];
  if (!ignores.is_array()) ignores = nlohmann::json::array();
  return ignores;
}

}  // namespace oneself::commands
