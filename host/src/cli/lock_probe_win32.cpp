// A shared, non-blocking LockFileEx on the lock file's first byte: it fails
// with ERROR_LOCK_VIOLATION while a writer holds its exclusive lock there
// (store/env_win32.cpp), and is dropped at once.
#include <windows.h>

#include "cli/lock_probe.h"

namespace oneself::cli {

bool HeldElsewhere(const std::filesystem::path& lock) {
  HANDLE h = ::CreateFileW(lock.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) return false;
  OVERLAPPED at{};
  const bool got = ::LockFileEx(h, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at) != 0;
  const bool held = !got && ::GetLastError() == ERROR_LOCK_VIOLATION;
  if (got) ::UnlockFileEx(h, 0, 1, 0, &at);
  ::CloseHandle(h);
  return held;
}

}  // namespace oneself::cli
