#include "cli/lock_notice.h"
#include "cli/lock_probe.h"

#include <atomic>
#include <cerrno>
#include <chrono>

namespace oneself::cli {
namespace {

std::atomic<bool> told{false};  // once per process: `set` may retry

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
