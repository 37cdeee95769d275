// The POSIX Env: the one place where OS errors become a Status with the path.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <system_error>

#include "store/env.h"

namespace oneself::store {
namespace {

constexpr mode_t kFileMode = 0600;
constexpr mode_t kDirMode = 0700;

int OpenRetry(const char* path, int flags, mode_t mode = 0) {
  int fd;
  do {
    fd = ::open(path, flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

void CloseFd(int fd) {
  // close() must not be retried on EINTR on Linux: the descriptor is gone.
  ::close(fd);
}

Status SyncFd(int fd, const std::string& path) {
#ifdef __APPLE__
  // fsync on macOS does not reach the platter; F_FULLFSYNC does.
  if (::fcntl(fd, F_FULLFSYNC) == 0) return Status::Ok();
#endif
  int rc;
  do {
    rc = ::fsync(fd);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) return Status::IoError("cannot sync", path, errno);
  return Status::Ok();
}

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError("cannot write", path, errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// Opens for writing without following a symlink, and forces mode 0600 even if
// the file existed or the umask was 0: the profile is private.
Result<int> OpenForWrite(const std::string& path, int extra) {
  int fd = OpenRetry(path.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | extra, kFileMode);
  if (fd < 0) return Status::IoError("cannot open", path, errno);
  if (::fchmod(fd, kFileMode) != 0) {
    int err = errno;
    CloseFd(fd);
    return Status::IoError("cannot chmod", path, err);
  }
  return fd;
}

class PosixRandomAccessFile final : public RandomAccessFile {
 public:
  PosixRandomAccessFile(int fd, uint64_t size, std::string path)
      : fd_(fd), size_(size), path_(std::move(path)) {}
  ~PosixRandomAccessFile() override { CloseFd(fd_); }
  uint64_t Size() const override { return size_; }
  Status Read(uint64_t offset, size_t n, std::string* out) const override {
    out->resize(n);
    size_t got = 0;
    while (got < n) {
      ssize_t r = ::pread(fd_, out->data() + got, n - got, static_cast<off_t>(offset + got));
      if (r < 0) {
        if (errno == EINTR) continue;
        return Status::IoError("cannot read", path_, errno);
      }
      if (r == 0) break;
      got += static_cast<size_t>(r);
    }
    out->resize(got);
    return Status::Ok();
  }

 private:
  int fd_;
  uint64_t size_;
  std::string path_;
};

class PosixFileLock final : public FileLock {
 public:
  explicit PosixFileLock(int fd) : fd_(fd) {}
  ~PosixFileLock() override {
    ::flock(fd_, LOCK_UN);
    CloseFd(fd_);
  }

 private:
  int fd_;
};

class PosixEnv final : public Env {
 public:
  Result<std::string> ReadFile(const std::filesystem::path& path) override {
    auto file = OpenForRead(path);
    if (!file.ok()) return file.status();
    std::string data;
    Status s = (*file)->Read(0, static_cast<size_t>((*file)->Size()), &data);
    if (!s.ok()) return s;
    return data;
  }

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(
      const std::filesystem::path& path) override {
    int fd = OpenRetry(path.c_str(), O_RDONLY);
    if (fd < 0) {
      if (errno == ENOENT) return Status::NotFound("no such file " + path.string());
      return Status::IoError("cannot open", path.string(), errno);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      CloseFd(fd);
      return Status::IoError("cannot stat", path.string(), err);
    }
    return std::unique_ptr<RandomAccessFile>(
        new PosixRandomAccessFile(fd, static_cast<uint64_t>(st.st_size), path.string()));
  }

  Status WriteFileSync(const std::filesystem::path& path, std::string_view data) override {
    auto fd = OpenForWrite(path.string(), O_TRUNC);
    if (!fd.ok()) return fd.status();
    Status s = WriteAll(*fd, data, path.string());
    if (s.ok()) s = SyncFd(*fd, path.string());
    CloseFd(*fd);
    return s;
  }

  Status AppendSync(const std::filesystem::path& path, std::string_view data) override {
    auto fd = OpenForWrite(path.string(), O_APPEND);
    if (!fd.ok()) return fd.status();
    Status s = WriteAll(*fd, data, path.string());
    if (s.ok()) s = SyncFd(*fd, path.string());
    CloseFd(*fd);
    return s;
  }

  Status Truncate(const std::filesystem::path& path, uint64_t size) override {
    int rc;
    do {
      rc = ::truncate(path.c_str(), static_cast<off_t>(size));
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) return Status::IoError("cannot truncate", path.string(), errno);
    return Status::Ok();
  }

  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0)
      return Status::IoError("cannot rename to", to.string(), errno);
    return Status::Ok();
  }

  Status SyncDir(const std::filesystem::path& dir) override {
    int fd = OpenRetry(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return Status::IoError("cannot open", dir.string(), errno);
    Status s = SyncFd(fd, dir.string());
    CloseFd(fd);
    return s;
  }

  Status CreateDir(const std::filesystem::path& dir) override {
    std::error_code ec;
    if (dir.has_parent_path()) std::filesystem::create_directories(dir.parent_path(), ec);
    if (ec) return Status::IoError("cannot create", dir.parent_path().string(), ec.value());
    if (::mkdir(dir.c_str(), kDirMode) != 0 && errno != EEXIST)
      return Status::IoError("cannot create", dir.string(), errno);
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) return Status::IoError("cannot stat", dir.string(), errno);
    if (!S_ISDIR(st.st_mode)) return Status::StoreError(dir.string() + " is not a directory");
    // mkdir's mode is filtered by the umask; chmod is not.
    if ((st.st_mode & 0777) != kDirMode && ::chmod(dir.c_str(), kDirMode) != 0)
      return Status::IoError("cannot chmod", dir.string(), errno);
    return Status::Ok();
  }

  bool FileExists(const std::filesystem::path& path) override {
    return ::access(path.c_str(), F_OK) == 0;
  }

  Result<std::unique_ptr<FileLock>> LockFile(const std::filesystem::path& path) override {
    auto fd = OpenForWrite(path.string(), 0);
    if (!fd.ok()) return fd.status();
    int rc;
    do {
      rc = ::flock(*fd, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
      int err = errno;
      CloseFd(*fd);
      return Status::IoError("cannot lock", path.string(), err);
    }
    return std::unique_ptr<FileLock>(new PosixFileLock(*fd));
  }

  std::chrono::system_clock::time_point Now() override { return std::chrono::system_clock::now(); }
};

}  // namespace

Result<FileStamp> Env::Stat(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return FileStamp{};
    return Status::StoreError("cannot stat " + path.string());
  }
  FileStamp f;
  f.exists = true;
  f.dev = static_cast<uint64_t>(st.st_dev);
  f.ino = static_cast<uint64_t>(st.st_ino);
  f.size = static_cast<uint64_t>(st.st_size);
  f.mtimeNs = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  f.ctimeNs = static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return f;
}

Status Env::RemoveFile(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT)
    return Status::IoError("cannot remove", path.string(), errno);
  return Status::Ok();
}

Result<std::vector<std::string>> Env::ListDir(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) return names;
    return Status::IoError("cannot list", dir.string(), ec.value());
  }
  for (const auto& entry : it) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string Env::MachineId() {
  for (const char* path : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
    auto text = ReadFile(path);
    if (!text.ok()) continue;
    std::string id;
    for (char c : *text)
      if (std::isxdigit(static_cast<unsigned char>(c))) id += c;
    if (!id.empty()) return id;
  }
  return "host:" + HostName();
}

std::string Env::HostName() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return {};
  return buf;
}

std::filesystem::path Env::CanonicalPath(const std::filesystem::path& path) {
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? std::filesystem::absolute(path) : canonical;
}

Env* Env::Default() {
  static PosixEnv* env = new PosixEnv();  // never destroyed: used until exit
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
