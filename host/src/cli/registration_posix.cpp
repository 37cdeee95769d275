#include <unistd.h>

#include "cli/registration.h"

namespace oneself::cli {
namespace {

Status UseInstallScript(const char* verb) {
  return Status::BadRequest(std::string("`oneself ") + verb +
                            "` is for Windows, where browsers read the registry; on Linux and macOS they "
                            "read host manifests in folders: run ./install.sh from the oneself checkout " +
                            (std::string(verb) == "register" ? "(it writes them)" : "--uninstall (it removes them)") +
                            ", then `oneself doctor`");
}

}  // namespace

Result<std::vector<std::string>> RegisterHost(const std::filesystem::path&) { return UseInstallScript("register"); }

Result<std::vector<std::string>> UnregisterHost(const std::filesystem::path&) {
  return UseInstallScript("unregister");
}

std::filesystem::path SelfBinary() {
  std::error_code ec;
  return std::filesystem::read_symlink("/proc/self/exe", ec);
}

}  // namespace oneself::cli
