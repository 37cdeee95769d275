// The store's privacy on POSIX: directories 0700, files 0600, no symbolic
// links among the files this machine writes.
#include <sys/stat.h>

#include <cstdio>
#include <system_error>

#include "store/store_access.h"

namespace oneself::store {
namespace {

std::string Octal(unsigned mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode);
  return buf;
}

}  // namespace

void CheckAccess(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& own,
                 const std::function<void(std::string)>& add) {
  struct stat st {};
  if (::lstat(dir.c_str(), &st) == 0 && (st.st_mode & 0777) != 0700)
    add("the store directory has mode " + Octal(st.st_mode & 0777) + ", expected 0700 (fix: chmod 700 " +
        dir.string() + ")");
  for (const auto& root : own) {
    std::error_code ec;
    if (!std::filesystem::exists(root, ec)) continue;
    for (std::filesystem::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      if (::lstat(it->path().c_str(), &st) != 0) continue;
      const std::string name = std::filesystem::relative(it->path(), dir, ec).string();
      if (S_ISLNK(st.st_mode)) {
        add(name + " is a symbolic link; the store's files must be regular files");
      } else if (S_ISDIR(st.st_mode) && (st.st_mode & 0777) != 0700) {
        add(name + " has mode " + Octal(st.st_mode & 0777) + ", expected 0700 (fix: chmod 700 " +
            it->path().string() + ")");
      } else if (S_ISREG(st.st_mode) && (st.st_mode & 0777) != 0600) {
        add(name + " has mode " + Octal(st.st_mode & 0777) + ", expected 0600 (fix: chmod 600 " +
            it->path().string() + ")");
      }
    }
  }
}

}  // namespace oneself::store
