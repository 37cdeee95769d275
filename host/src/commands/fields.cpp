#include "commands/fields.h"

#include <fmt/format.h>

#include <limits>

#include "sites/site_table.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

std::string Named(std::string_view field) { return "field '" + std::string(field) + "'"; }

const json* Find(const json& request, std::string_view field) {
  if (!request.is_object()) return nullptr;
  auto it = request.find(field);
  if (it == request.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

Result<std::string> RequireString(const json& request, std::string_view field) {
  const json* v = Find(request, field);
  if (v == nullptr) return Status::BadRequest(Named(field) + " is missing");
  if (!v->is_string()) return Status::BadRequest(Named(field) + " must be a string");
  return v->get<std::string>();
}

Result<int64_t> RequireInt(const json& request, std::string_view field, int64_t min) {
  const json* v = Find(request, field);
  if (v == nullptr) return Status::BadRequest(Named(field) + " is missing");
  Result<std::optional<int64_t>> got =
      OptionalInt(request, field, min, std::numeric_limits<int64_t>::max());
  if (!got.ok()) return got.status();
  return **got;
}

Result<const json*> RequireObject(const json& request, std::string_view field) {
  const json* v = Find(request, field);
  if (v == nullptr) return Status::BadRequest(Named(field) + " is missing");
  if (!v->is_object()) return Status::BadRequest(Named(field) + " must be an object");
  return v;
}

Result<std::optional<std::string>> OptionalString(const json& request, std::string_view field) {
  const json* v = Find(request, field);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return Status::BadRequest(Named(field) + " must be a string");
  return std::optional<std::string>(v->get<std::string>());
}

Result<std::optional<int64_t>> OptionalInt(const json& request, std::string_view field, int64_t min,
                                           int64_t max) {
  const json* v = Find(request, field);
  if (v == nullptr) return std::optional<int64_t>();
  int64_t n = 0;
  if (v->is_number_unsigned()) {
    const auto u = v->get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Status::BadRequest(Named(field) + " is out of range");
    }
    n = static_cast<int64_t>(u);
  } else if (v->is_number_integer()) {
    n = v->get<int64_t>();
  } else {
    return Status::BadRequest(Named(field) + " must be an integer");
  }
  if (n < min || n > max) {
    return Status::BadRequest(fmt::format("{} must be between {} and {}", Named(field), min, max));
  }
  return std::optional<int64_t>(n);
}

Result<std::optional<json>> OptionalObject(const json& request, std::string_view field) {
  const json* v = Find(request, field);
  if (v == nullptr) return std::optional<json>();
  if (!v->is_object()) return Status::BadRequest(Named(field) + " must be an object");
  return std::optional<json>(*v);
}

Result<std::string> RequireSite(const json& request, std::string_view field) {
  Result<std::string> name = RequireString(request, field);
  if (!name.ok()) return name.status();
  const sites::Site* site = sites::FindSite(*name);
  if (site == nullptr) {
    return Status::NotFound(Named(field) + ": no site called '" + name->substr(0, 64) + "'");
  }
  return std::string(site->id);
}

}  // namespace oneself::commands
