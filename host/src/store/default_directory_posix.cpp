#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "store/store.h"

namespace oneself::store {

std::filesystem::path DefaultDirectory() {
  const char* home = std::getenv("ONESELF_HOME");
  if (home != nullptr && *home != '\0') return home;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  // The XDG spec says relative paths are invalid and must be ignored.
  if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "oneself";
  const char* user = std::getenv("HOME");
  std::string base = user != nullptr && *user != '\0' ? user : "";
  if (base.empty()) {
    if (const passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir != nullptr)
      base = pw->pw_dir;
  }
  return std::filesystem::path(base) / ".local" / "share" / "oneself";
}

}  // namespace oneself::store
