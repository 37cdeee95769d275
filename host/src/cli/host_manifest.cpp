#include "cli/host_manifest.h"

#include "oneself/allowed_callers.h"

namespace oneself::cli {

nlohmann::json ExpectedManifest(Family family, const std::filesystem::path& binary) {
  nlohmann::json m = {{"name", kHostName},
                      {"description", kHostDescription},
                      {"path", binary.string()},
                      {"type", "stdio"}};
  nlohmann::json allowed = nlohmann::json::array();
  if (family == Family::kChromium) {
    for (std::string_view o : protocol::kAllowedOrigins) allowed.push_back(o);
    m["allowed_origins"] = allowed;
  } else {
    for (std::string_view e : protocol::kAllowedExtensions) allowed.push_back(e);
    m["allowed_extensions"] = allowed;
  }
  return m;
}

}  // namespace oneself::cli
