// The store's privacy on Windows: the folder and every file and folder this
// machine writes in it admit the user alone (platform/owner_only_win32.h),
// and none of them is a symbolic link or junction.
#include <windows.h>

#include <system_error>

#include "platform/owner_only_win32.h"
#include "platform/wide.h"
#include "store/store_access.h"

namespace oneself::store {
namespace {

// icacls: the folder gets the user alone, inherited by what is in it, and
// every file in it goes back to inheriting that.
std::string Fix(const std::filesystem::path& dir) {
  const std::string d = platform::Utf8(dir);
  return " (fix: icacls \"" + d + "\" /inheritance:r /grant:r \"%USERNAME%:(OI)(CI)F\" && icacls \"" + d +
         "\\*\" /reset /T)";
}

}  // namespace

void CheckAccess(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& own,
                 const std::function<void(std::string)>& add) {
  if (auto why = platform::OwnerOnlyProblem(dir)) add("the store folder is not private: " + *why + Fix(dir));
  for (const auto& root : own) {
    std::error_code ec;
    if (!std::filesystem::exists(root, ec)) continue;
    auto check = [&](const std::filesystem::path& path) {
      const DWORD attrs = ::GetFileAttributesW(path.c_str());
      if (attrs == INVALID_FILE_ATTRIBUTES) return true;
      const std::string name = platform::Utf8(std::filesystem::relative(path, dir, ec));
      if (attrs & FILE_ATTRIBUTE_REPARSE_POINT) {
        add(name + " is a symbolic link or junction; the store's files must be regular files");
        return false;  // not followed
      }
      if (auto why = platform::OwnerOnlyProblem(path)) add(name + " is not private: " + *why + Fix(dir));
      return true;
    };
    if (!check(root)) continue;
    for (std::filesystem::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      if (!check(it->path())) it.disable_recursion_pending();
    }
  }
}

}  // namespace oneself::store
