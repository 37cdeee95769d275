#include "cli/lock_notice.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>

namespace oneself::cli {
namespace {

std::atomic<bool> told{false};  // once per process: `set` may retry

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

}  // namespace

LockNotice::LockNotice(Output& err, const std::filesystem::path& lock) {
  if (told.load() || !HeldElsewhere(lock)) return;
  timer_ = std::thread([this, &err] {
    std::unique_lock<std::mutex> hold(mu_);
    if (cv_.wait_for(hold, std::chrono::seconds(1), [this] { return done_; })) return;
    if (told.exchange(true)) return;
    err << "oneself: waiting for another oneself to release the store "
           "(no time limit; Ctrl-C gives up)...\n";
  });
}

LockNotice::~LockNotice() {
  if (!timer_.joinable()) return;
  {
    std::lock_guard<std::mutex> hold(mu_);
    done_ = true;
  }
  cv_.notify_one();
  timer_.join();
}

}  // namespace oneself::cli
