// A notice on stderr while another process holds the store's lock. The store
// waits for the lock with no timeout (store/env_posix.cpp), so without it a
// `set` behind a busy browser looks hung.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "cli/output.h"

namespace oneself::cli {

// Lives around one verb. When `lock` is held by someone else as it starts,
// says once per process, after a second, that it is waiting. `err` must
// outlive it; nothing else may write to `err` while it lives.
class LockNotice {
 public:
  LockNotice(Output& err, const std::filesystem::path& lock);
  ~LockNotice();
  LockNotice(const LockNotice&) = delete;
  LockNotice& operator=(const LockNotice&) = delete;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread timer_;
};

}  // namespace oneself::cli
