// The second line of defence: the browser names its caller on the command
// line, and only the extensions in manifest/allowed-callers.json (compiled in
// as oneself/allowed_callers.h) may use the host.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oneself::protocol {

struct Caller {
  bool hostMode = false;  // argv asks for the native messaging host
  bool allowed = false;   // the caller is one we serve
  std::string name;       // the origin or add-on id, "" for `oneself host`
};

// Reads the words after the program name:
//   chrome-extension://<id>/ [--parent-window=N]   Chromium family
//   <path to the host manifest> <add-on id>       Firefox
//   host                                          run by hand, trusted
// Anything else is not host mode (the CLI).
Caller IdentifyCaller(const std::vector<std::string>& args);

bool IsAllowedOrigin(std::string_view origin);
bool IsAllowedExtension(std::string_view addonId);

}  // namespace oneself::protocol
