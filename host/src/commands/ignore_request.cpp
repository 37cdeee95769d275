#include "commands/ignore_request.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "commands/fields.h"

namespace oneself::commands {
namespace {

// The fields `check` compares (issue 3); an ignore names one of them.
constexpr std::array<std::string_view, 12> kCheckFields = {
    "name", "firstName", "lastName", "headline", "bio", "location", "website",
    "employer", "title", "links", "experience", "photo"};

// An observed value is what one field of one page showed; anything bigger
// than this is not that.
constexpr size_t kMaxObservedBytes = 64 * 1024;

}  // namespace

std::span<const std::string_view> CheckFields() { return kCheckFields; }

Result<IgnoreRequest> ParseIgnoreRequest(const nlohmann::json& request) {
  IgnoreRequest out;
  Result<std::string> site = RequireSite(request, "site");
  if (!site.ok()) return site.status();
  out.site = std::move(*site);
  Result<std::string> field = RequireString(request, "field");
  if (!field.ok()) return field.status();
  bool known = false;
  for (std::string_view f : kCheckFields) known = known || f == *field;
  if (!known) return Status::BadRequest("field 'field' must name a checked field such as \"headline\"");
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
