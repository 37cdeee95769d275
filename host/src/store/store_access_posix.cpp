// The store's privacy on POSIX: directories 0700, files 0600, no symbolic
// links among its files.
#include <sys/stat.h>

#include <cstdio>
#include <system_error>

#include "store/state.h"
#include "store/store_access.h"
#include "store/store_format.h"
#include "store/store.h"

namespace oneself::store {
namespace {

std::string Octal(unsigned mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode);
  return buf;
}

}  // namespace

void CheckAccess(const std::filesystem::path& dir, const std::function<void(std::string)>& add) {
  struct stat st {};
  if (::lstat(dir.c_str(), &st) == 0 && (st.st_mode & 0777) != 0700)
    add("the store directory has mode " + Octal(st.st_mode & 0777) +
                 ", expected 0700 (fix: chmod 700 " + dir.string() + ")");
  auto checkFile = [&](const std::filesystem::path& path, const std::string& name) {
    if (::lstat(path.c_str(), &st) != 0) return;
    if (S_ISLNK(st.st_mode)) {
      add(name + " is a symbolic link; the store's files must be regular files");
    } else if ((st.st_mode & 0777) != 0600) {
      add(name + " has mode " + Octal(st.st_mode & 0777) +
                   ", expected 0600 (fix: chmod 600 " + path.string() + ")");
    }
  };
  for (auto name : {format::kProfileFile, format::kJournalFile,
                    format::kLegacyObservationsFile, format::kLockFile}) {
    checkFile(PathIn(dir, name), std::string(name));
  }
  const auto observations = PathIn(dir, format::kObservationsDir);
  if (::lstat(observations.c_str(), &st) != 0) return;
  if (!S_ISDIR(st.st_mode)) {
    add(std::string(format::kObservationsDir).append(" is not a directory"));
    return;
  }
  if ((st.st_mode & 0777) != 0700)
    add(std::string(format::kObservationsDir) + " has mode " + Octal(st.st_mode & 0777) +
                 ", expected 0700 (fix: chmod 700 " + observations.string() + ")");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(observations, ec)) {
    checkFile(entry.path(), std::string(format::kObservationsDir) + "/" +
                                entry.path().filename().string());
  }
}

}  // namespace oneself::store
