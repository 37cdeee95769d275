// Windows: the log folder is %LOCALAPPDATA%\oneself\logs, beside the store's
// default folder, made private with the store's owner-only access list.
#include <windows.h>

#include <system_error>

#include "log/log_files.h"
#include "log/logging.h"
#include "platform/owner_only_win32.h"

namespace oneself::log {

std::filesystem::path LogDirectory() { return platform::LocalAppData() / L"oneself" / L"logs"; }

bool PrepareLogFolder(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  return platform::MakeOwnerOnly(dir).empty();
}

bool PrepareLogFile(const std::filesystem::path& file) {
  // Not following a link planted in the folder; the file inherits the
  // folder's owner-only access list.
  HANDLE h = ::CreateFileW(file.c_str(), FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (h == INVALID_HANDLE_VALUE) return false;
  ::CloseHandle(h);
  return true;
}

}  // namespace oneself::log
