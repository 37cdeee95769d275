// The Windows Env: the same contract as env_posix.cpp, on the Win32 API.
//  - Paths reach Windows as UTF-16 (path::c_str() is wchar_t here), so a
//    store under C:\Users\Zoë or C:\Users\李 works whatever the code page.
//  - Every file is opened with FILE_SHARE_READ | WRITE | DELETE, so that a
//    reader never stops a writer from replacing a file, as on POSIX.
//  - Durability: FlushFileBuffers is fsync; MoveFileExW with
//    MOVEFILE_WRITE_THROUGH returns only once the rename is on disk, which
//    is what SyncDir does on POSIX (see docs/store.md).
//  - Privacy: the store folder gets an owner-only DACL, which files created
//    in it inherit (platform/owner_only_win32.h); that is 0700/0600 here.
//  - The writer lock is LockFileEx on the lock file's first byte.
//  - The machine id is Windows' MachineGuid, the canonical path the one
//    GetFinalPathNameByHandleW gives (docs/store.md, "On Windows").
#include <windows.h>

#include <algorithm>
#include <cstring>
#include <cwctype>
#include <thread>
#include <vector>

#include "platform/owner_only_win32.h"
#include "platform/wide.h"
#include "store/env.h"

namespace oneself::store {
namespace {

constexpr DWORD kShareAll = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;

Status Win32Error(std::string_view what, const std::filesystem::path& path, DWORD code) {
  std::string msg(what);
  msg += ' ';
  msg += platform::Utf8(path);
  msg += ": ";
  msg += platform::ErrorText(code);
  return Status::StoreError(std::move(msg));
}

bool IsMissing(DWORD code) { return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND; }

// Owns a HANDLE; closes it once.
class Handle {
 public:
  explicit Handle(HANDLE h = INVALID_HANDLE_VALUE) : h_(h) {}
  ~Handle() {
    if (ok()) ::CloseHandle(h_);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : h_(o.h_) { o.h_ = INVALID_HANDLE_VALUE; }
  bool ok() const { return h_ != INVALID_HANDLE_VALUE && h_ != nullptr; }
  HANDLE get() const { return h_; }

 private:
  HANDLE h_;
};

// Opens for writing. FILE_FLAG_OPEN_REPARSE_POINT: a symbolic link (or
// junction) planted where a store file belongs is opened itself, not
// followed, and writing to it fails: the counterpart of O_NOFOLLOW.
Handle OpenForWrite(const std::filesystem::path& path, DWORD access, DWORD disposition) {
  return Handle(::CreateFileW(path.c_str(), access, kShareAll, nullptr, disposition,
                              FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
}

Status WriteAll(HANDLE h, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    const DWORD chunk = static_cast<DWORD>(std::min<size_t>(data.size(), 1u << 30));
    DWORD put = 0;
    if (!::WriteFile(h, data.data(), chunk, &put, nullptr)) return Win32Error("cannot write", path, ::GetLastError());
    if (put == 0) return Win32Error("cannot write", path, ERROR_WRITE_FAULT);
    data.remove_prefix(put);
  }
  return Status::Ok();
}

Status Flush(HANDLE h, const std::filesystem::path& path) {
  if (!::FlushFileBuffers(h)) return Win32Error("cannot sync", path, ::GetLastError());
  return Status::Ok();
}

class Win32RandomAccessFile final : public RandomAccessFile {
 public:
  Win32RandomAccessFile(Handle h, uint64_t size, std::filesystem::path path)
      : h_(std::move(h)), size_(size), path_(std::move(path)) {}
  uint64_t Size() const override { return size_; }
  Status Read(uint64_t offset, size_t n, std::string* out) const override {
    out->resize(n);
    size_t got = 0;
    while (got < n) {
      // A positioned read, like pread: the OVERLAPPED offset, on a handle
      // opened for synchronous I/O.
      OVERLAPPED at{};
      const uint64_t pos = offset + got;
      at.Offset = static_cast<DWORD>(pos);
      at.OffsetHigh = static_cast<DWORD>(pos >> 32);
      DWORD r = 0;
      const DWORD want = static_cast<DWORD>(std::min<size_t>(n - got, 1u << 30));
      if (!::ReadFile(h_.get(), out->data() + got, want, &r, &at)) {
        const DWORD err = ::GetLastError();
        if (err == ERROR_HANDLE_EOF) break;
        return Win32Error("cannot read", path_, err);
      }
      if (r == 0) break;
      got += r;
    }
    out->resize(got);
    return Status::Ok();
  }

 private:
  Handle h_;
  uint64_t size_;
  std::filesystem::path path_;
};

class Win32FileLock final : public FileLock {
 public:
  explicit Win32FileLock(Handle h) : h_(std::move(h)) {}
  ~Win32FileLock() override {
    OVERLAPPED at{};
    ::UnlockFileEx(h_.get(), 0, 1, 0, &at);
  }

 private:
  Handle h_;
};

// MoveFileExW fails with a sharing or access error while another process
// opens the target at that instant without FILE_SHARE_DELETE (an antivirus,
// the search indexer, or an older oneself). Such opens are brief: retry for
// up to two seconds before reporting.
bool Transient(DWORD code) { return code == ERROR_SHARING_VIOLATION || code == ERROR_ACCESS_DENIED || code == ERROR_LOCK_VIOLATION; }

// Windows 10 1809 and later: the rename of POSIX, through the open file.
// The target's name is replaced even while another process has the old file
// open (with FILE_SHARE_DELETE, as oneself opens everything); that process
// keeps reading the old file, as on Linux. The file is then flushed, which
// writes its new name through NTFS's journal before this returns, as
// MOVEFILE_WRITE_THROUGH does. false when the system does not offer it
// (older Windows, Wine): the caller falls back to MoveFileExW.
// FileRenameInfoEx, which MinGW's headers declare only for a _WIN32_WINNT
// no release defines; its value is fixed by the Windows ABI.
constexpr auto kFileRenameInfoEx = static_cast<FILE_INFO_BY_HANDLE_CLASS>(22);

bool PosixRename(const std::filesystem::path& from, const std::filesystem::path& to) {
  Handle h(::CreateFileW(from.c_str(), DELETE | GENERIC_WRITE, kShareAll, nullptr, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
  if (!h.ok()) return false;
  const std::wstring& target = to.native();
  std::vector<unsigned char> buf(sizeof(FILE_RENAME_INFO) + target.size() * sizeof(wchar_t));
  auto* info = reinterpret_cast<FILE_RENAME_INFO*>(buf.data());
  info->Flags = FILE_RENAME_FLAG_REPLACE_IF_EXISTS | FILE_RENAME_FLAG_POSIX_SEMANTICS;
  info->RootDirectory = nullptr;
  info->FileNameLength = static_cast<DWORD>(target.size() * sizeof(wchar_t));
  std::memcpy(info->FileName, target.data(), target.size() * sizeof(wchar_t));
  if (!::SetFileInformationByHandle(h.get(), kFileRenameInfoEx, info, static_cast<DWORD>(buf.size()))) return false;
  ::FlushFileBuffers(h.get());
  return true;
}

class Win32Env final : public Env {
 public:
  Result<std::string> ReadFile(const std::filesystem::path& path) override {
    auto file = OpenForRead(path);
    if (!file.ok()) return file.status();
    std::string data;
    Status s = (*file)->Read(0, static_cast<size_t>((*file)->Size()), &data);
    if (!s.ok()) return s;
    return data;
  }

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::filesystem::path& path) override {
    Handle h(::CreateFileW(path.c_str(), GENERIC_READ, kShareAll, nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL,
                           nullptr));
    if (!h.ok()) {
      const DWORD err = ::GetLastError();
      if (IsMissing(err)) return Status::NotFound("no such file " + platform::Utf8(path));
      return Win32Error("cannot open", path, err);
    }
    LARGE_INTEGER size{};
    if (!::GetFileSizeEx(h.get(), &size)) return Win32Error("cannot stat", path, ::GetLastError());
    return std::unique_ptr<RandomAccessFile>(
        new Win32RandomAccessFile(std::move(h), static_cast<uint64_t>(size.QuadPart), path));
  }

  Status WriteFileSync(const std::filesystem::path& path, std::string_view data) override {
    Handle h = OpenForWrite(path, GENERIC_WRITE, CREATE_ALWAYS);
    if (!h.ok()) return Win32Error("cannot open", path, ::GetLastError());
    Status s = WriteAll(h.get(), data, path);
    if (s.ok()) s = Flush(h.get(), path);
    return s;
  }

  Status AppendSync(const std::filesystem::path& path, std::string_view data) override {
    // FILE_APPEND_DATA without FILE_WRITE_DATA: every write goes to the end,
    // atomically with respect to other appenders, like O_APPEND.
    Handle h = OpenForWrite(path, FILE_APPEND_DATA | SYNCHRONIZE, OPEN_ALWAYS);
    if (!h.ok()) return Win32Error("cannot open", path, ::GetLastError());
    Status s = WriteAll(h.get(), data, path);
    if (s.ok()) s = Flush(h.get(), path);
    return s;
  }

  Status Truncate(const std::filesystem::path& path, uint64_t size) override {
    Handle h = OpenForWrite(path, GENERIC_WRITE, OPEN_EXISTING);
    if (!h.ok()) return Win32Error("cannot truncate", path, ::GetLastError());
    LARGE_INTEGER at{};
    at.QuadPart = static_cast<LONGLONG>(size);
    if (!::SetFilePointerEx(h.get(), at, nullptr, FILE_BEGIN) || !::SetEndOfFile(h.get()))
      return Win32Error("cannot truncate", path, ::GetLastError());
    return Status::Ok();
  }

  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    if (PosixRename(from, to)) return Status::Ok();
    DWORD err = ERROR_SUCCESS;
    for (int attempt = 0; attempt < 40; ++attempt) {
      if (::MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return Status::Ok();
      err = ::GetLastError();
      if (!Transient(err)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return Win32Error("cannot rename to", to, err);
  }

  // Windows has no fsync for a folder: MOVEFILE_WRITE_THROUGH (Rename) makes
  // the rename durable before it returns, and a new file's directory entry
  // is written by NTFS's journal with the file's own flush.
  Status SyncDir(const std::filesystem::path&) override { return Status::Ok(); }

  Status CreateDir(const std::filesystem::path& dir) override {
    std::error_code ec;
    if (dir.has_parent_path()) std::filesystem::create_directories(dir.parent_path(), ec);
    if (ec) return Status::StoreError("cannot create " + platform::Utf8(dir.parent_path()) + ": " + ec.message());
    const bool made = ::CreateDirectoryW(dir.c_str(), nullptr) != 0;
    if (!made && ::GetLastError() != ERROR_ALREADY_EXISTS)
      return Win32Error("cannot create", dir, ::GetLastError());
    const DWORD attrs = ::GetFileAttributesW(dir.c_str());
    if (attrs == INVALID_FILE_ATTRIBUTES || (attrs & FILE_ATTRIBUTE_DIRECTORY) == 0)
      return Status::StoreError(platform::Utf8(dir) + " is not a directory");
    // As chmod 0700 on POSIX: whatever the folder had, it is now the user's
    // alone, and what is created in it inherits that.
    if (std::string err = platform::MakeOwnerOnly(dir); !err.empty()) return Status::StoreError(err);
    return Status::Ok();
  }

  bool FileExists(const std::filesystem::path& path) override {
    return ::GetFileAttributesW(path.c_str()) != INVALID_FILE_ATTRIBUTES;
  }

  Result<std::unique_ptr<FileLock>> LockFile(const std::filesystem::path& path) override {
    Handle h = OpenForWrite(path, GENERIC_READ | GENERIC_WRITE, OPEN_ALWAYS);
    if (!h.ok()) return Win32Error("cannot open", path, ::GetLastError());
    // Blocks until no other process holds byte 0; the lock goes with the
    // handle if the process dies, as flock's does.
    OVERLAPPED at{};
    if (!::LockFileEx(h.get(), LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &at))
      return Win32Error("cannot lock", path, ::GetLastError());
    return std::unique_ptr<FileLock>(new Win32FileLock(std::move(h)));
  }

  std::chrono::system_clock::time_point Now() override { return std::chrono::system_clock::now(); }
};

int64_t FileTimeNs(const FILETIME& t) {
  const uint64_t ticks = (static_cast<uint64_t>(t.dwHighDateTime) << 32) | t.dwLowDateTime;
  return static_cast<int64_t>(ticks) * 100;  // 100 ns ticks since 1601; only compared for equality
}

}  // namespace

Result<FileStamp> Env::Stat(const std::filesystem::path& path) {
  // Opened with no access rights, only to read its identity: never blocked
  // by another open, and follows a symbolic link like stat().
  Handle h(::CreateFileW(path.c_str(), 0, kShareAll, nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr));
  if (!h.ok()) {
    const DWORD err = ::GetLastError();
    if (IsMissing(err)) return FileStamp{};
    return Status::StoreError("cannot stat " + platform::Utf8(path) + ": " + platform::ErrorText(err));
  }
  BY_HANDLE_FILE_INFORMATION info{};
  if (!::GetFileInformationByHandle(h.get(), &info))
    return Status::StoreError("cannot stat " + platform::Utf8(path) + ": " + platform::ErrorText(::GetLastError()));
  FileStamp f;
  f.exists = true;
  f.dev = info.dwVolumeSerialNumber;
  f.ino = (static_cast<uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
  f.size = (static_cast<uint64_t>(info.nFileSizeHigh) << 32) | info.nFileSizeLow;
  f.mtimeNs = FileTimeNs(info.ftLastWriteTime);
  f.ctimeNs = FileTimeNs(info.ftCreationTime);
  return f;
}

Status Env::RemoveFile(const std::filesystem::path& path) {
  if (!::DeleteFileW(path.c_str())) {
    const DWORD err = ::GetLastError();
    if (!IsMissing(err)) return Win32Error("cannot remove", path, err);
  }
  return Status::Ok();
}

Result<std::vector<std::string>> Env::ListDir(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  WIN32_FIND_DATAW found{};
  const std::filesystem::path pattern = dir / L"*";
  HANDLE h = ::FindFirstFileW(pattern.c_str(), &found);
  if (h == INVALID_HANDLE_VALUE) {
    const DWORD err = ::GetLastError();
    // A missing folder, or a file where the folder should be, lists nothing.
    if (IsMissing(err) || err == ERROR_DIRECTORY || err == ERROR_NO_MORE_FILES) return names;
    return Win32Error("cannot list", dir, err);
  }
  do {
    const std::wstring_view name(found.cFileName);
    if (name != L"." && name != L"..") names.push_back(platform::Utf8(name));
  } while (::FindNextFileW(h, &found));
  const DWORD err = ::GetLastError();
  ::FindClose(h);
  if (err != ERROR_NO_MORE_FILES) return Win32Error("cannot list", dir, err);
  std::sort(names.begin(), names.end());
  return names;
}

std::string Env::MachineId() {
  // Set once when Windows is installed (and by wineboot in a Wine prefix).
  // Read from the 64-bit view whatever this build is.
  wchar_t guid[64] = {};
  DWORD size = sizeof guid;
  if (::RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Cryptography", L"MachineGuid",
                     RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, nullptr, guid, &size) == ERROR_SUCCESS) {
    std::string id;
    for (const wchar_t* c = guid; *c != L'\0'; ++c)
      if (std::iswxdigit(*c)) id += static_cast<char>(std::towlower(*c));
    if (!id.empty()) return id;
  }
  return "host:" + HostName();
}

std::string Env::HostName() {
  wchar_t name[256] = {};
  DWORD size = static_cast<DWORD>(std::size(name));
  if (!::GetComputerNameExW(ComputerNamePhysicalDnsHostname, name, &size)) return {};
  return platform::Utf8(std::wstring_view(name, size));
}

namespace {

// The final path of an existing file or folder, without the \\?\ prefix
// GetFinalPathNameByHandleW puts before it; empty when it cannot be opened.
std::filesystem::path FinalPath(const std::filesystem::path& path) {
  // No access rights and backup semantics: opens a folder too, and is never
  // refused by another open.
  Handle h(::CreateFileW(path.c_str(), 0, kShareAll, nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr));
  if (!h.ok()) return {};
  std::wstring buf(MAX_PATH, L'\0');
  for (;;) {
    const DWORD n = ::GetFinalPathNameByHandleW(h.get(), buf.data(), static_cast<DWORD>(buf.size()),
                                                FILE_NAME_NORMALIZED | VOLUME_NAME_DOS);
    if (n == 0) return {};
    if (n < buf.size()) {
      buf.resize(n);
      break;
    }
    buf.resize(n);  // n is the size needed, with its terminator
  }
  if (buf.rfind(L"\\\\?\\UNC\\", 0) == 0) return L"\\\\" + buf.substr(8);
  if (buf.rfind(L"\\\\?\\", 0) == 0) return buf.substr(4);
  return buf;
}

}  // namespace

std::filesystem::path Env::CanonicalPath(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  if (ec) return path;
  // Resolve the longest part that exists; the rest is appended as written.
  std::filesystem::path existing = absolute, rest;
  while (true) {
    if (std::filesystem::path final = FinalPath(existing); !final.empty()) {
      return rest.empty() ? final : (final / rest).lexically_normal();
    }
    if (!existing.has_relative_path()) return absolute;  // reached the root
    rest = rest.empty() ? existing.filename() : existing.filename() / rest;
    existing = existing.parent_path();
  }
}

Env* Env::Default() {
  static Win32Env* env = new Win32Env();  // never destroyed: used until exit
  return env;
}

Status WriteFileAtomically(Env* env, const std::filesystem::path& path, std::string_view data) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  Status s = env->WriteFileSync(tmp, data);
  if (s.ok()) s = env->Rename(tmp, path);
  if (s.ok()) s = env->SyncDir(path.parent_path());
  return s;
}

}  // namespace oneself::store
