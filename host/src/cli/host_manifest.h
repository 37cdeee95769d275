// The host manifest a browser reads to start oneself, as install.sh writes
// it (manifest/*.json, with the callers of manifest/allowed-callers.json that
// are compiled in): one definition for `doctor`, `register` and `unregister`.
#pragma once

#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

namespace oneself::cli {

inline constexpr std::string_view kHostName = "org.oneself.host";
inline constexpr std::string_view kHostDescription =
    "oneself: your canonical profile, kept on this machine";  // as manifest/*.json

enum class Family { kChromium, kFirefox };

// The manifest naming `binary`, with the family's allowed callers.
nlohmann::json ExpectedManifest(Family family, const std::filesystem::path& binary);

}  // namespace oneself::cli
