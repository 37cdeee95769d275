#include "protocol/caller_check.h"

#include "oneself/allowed_callers.h"

namespace oneself::protocol {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool IsAllowedOrigin(std::string_view origin) {
  for (std::string_view allowed : kAllowedOrigins) {
    if (origin == allowed) return true;
  }
  return false;
}

bool IsAllowedExtension(std::string_view addonId) {
  for (std::string_view allowed : kAllowedExtensions) {
    if (addonId == allowed) return true;
  }
  return false;
}

Caller IdentifyCaller(const std::vector<std::string>& args) {
  Caller caller;
  if (args.empty()) return caller;
  const std::string& first = args[0];
  if (StartsWith(first, "chrome-extension://")) {
    caller.hostMode = true;
    caller.name = first;
    caller.allowed = IsAllowedOrigin(first);
    return caller;
  }
  // Firefox: the absolute path of the host manifest, then the add-on id
  // (C:\...\org.oneself.host.firefox.json on Windows). Chrome on Windows
  // adds --parent-window=<handle> after the origin; it is not checked.
  if (args.size() >= 2 && EndsWith(first, ".json") && first.find_first_of("/\\") != std::string::npos &&
      first != "host") {
    caller.hostMode = true;
    caller.name = args[1];
    caller.allowed = IsAllowedExtension(args[1]);
    return caller;
  }
  if (first == "host" && args.size() == 1) {
    caller.hostMode = true;
    caller.allowed = true;
  }
  return caller;
}

}  // namespace oneself::protocol
