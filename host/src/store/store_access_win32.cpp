// The store's privacy on Windows: the folder, the observations folder and
// every file in them admit the user alone (platform/owner_only_win32.h), and
// none of its files is a symbolic link or junction.
#include <windows.h>

#include <system_error>

#include "platform/owner_only_win32.h"
#include "platform/wide.h"
#include "store/state.h"
#include "store/store_access.h"
#include "store/store.h"
#include "store/store_format.h"

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

void CheckAccess(const std::filesystem::path& dir, const std::function<void(std::string)>& add) {
  if (auto why = platform::OwnerOnlyProblem(dir)) add("the store folder is not private: " + *why + Fix(dir));
  auto check = [&](const std::filesystem::path& path, const std::string& name) {
    const DWORD attrs = ::GetFileAttributesW(path.c_str());
    if (attrs == INVALID_FILE_ATTRIBUTES) return;
    if (attrs & FILE_ATTRIBUTE_REPARSE_POINT) {
      add(name + " is a symbolic link or junction; the store's files must be regular files");
    } else if (auto why = platform::OwnerOnlyProblem(path)) {
      add(name + " is not private: " + *why + Fix(dir));
    }
  };
  for (auto name : {format::kProfileFile, format::kJournalFile, format::kLegacyObservationsFile,
                    format::kLockFile}) {
    check(PathIn(dir, name), std::string(name));
  }
  const auto observations = PathIn(dir, format::kObservationsDir);
  const DWORD attrs = ::GetFileAttributesW(observations.c_str());
  if (attrs == INVALID_FILE_ATTRIBUTES) return;
  if ((attrs & FILE_ATTRIBUTE_DIRECTORY) == 0) {
    add(std::string(format::kObservationsDir).append(" is not a directory"));
    return;
  }
  check(observations, std::string(format::kObservationsDir));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(observations, ec)) {
    check(entry.path(), std::string(format::kObservationsDir) + "/" + platform::Utf8(entry.path().filename()));
  }
}

}  // namespace oneself::store
