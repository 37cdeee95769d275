#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "cli/lock_probe.h"

namespace oneself::cli {

// Whether another open of `lock` holds it now. Opened without O_CREAT: a
// store without a lock file is not locked. A shared probe, dropped at once,
// never blocks; it can only delay another writer by a moment.
bool HeldElsewhere(const std::filesystem::path& lock) {
  const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  int rc;
  do {
    rc = ::flock(fd, LOCK_SH | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  const bool held = rc != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // drops the probe's lock, if it got one
  return held;
}

}  // namespace oneself::cli
