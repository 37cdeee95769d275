// Whether another process holds the store's writer lock right now, without
// waiting for it: flock on POSIX (lock_probe_posix.cpp), LockFileEx on
// Windows (lock_probe_win32.cpp), the same locks store::Env takes.
#pragma once

#include <filesystem>

namespace oneself::cli {

bool HeldElsewhere(const std::filesystem::path& lock);

}  // namespace oneself::cli
