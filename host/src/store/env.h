// The store's window on the file system, after LevelDB's Env: every byte the
// store reads or writes goes through this interface, so tests can swap in an
// Env that fails at a chosen step (a simulated crash) and prove the store on
// disk is still whole. The default Env is POSIX; it retries EINTR, creates
// files 0600 and directories 0700 whatever the umask, and never follows a
// symlink where it creates a file.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "oneself/status.h"

namespace oneself::store {

// A file open for positioned reads. Used by one thread.
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  virtual uint64_t Size() const = 0;
  // Reads up to `n` bytes at `offset` into `out` (replacing its contents).
  virtual Status Read(uint64_t offset, size_t n, std::string* out) const = 0;
};

// What one stat() says about a file: enough to tell that it changed. Every
// write replaces profile.json and the observation files by rename (a new inode)
// and the journal only grows, so equal stamps mean equal contents.
struct FileStamp {
  bool exists = false;
  uint64_t dev = 0;
  uint64_t ino = 0;
  uint64_t size = 0;
  int64_t mtimeNs = 0;
  int64_t ctimeNs = 0;
  bool operator==(const FileStamp&) const = default;
};

// Held while a writer owns the store; released by the destructor.
class FileLock {
 public:
  virtual ~FileLock() = default;
};

class Env {
 public:
  virtual ~Env() = default;

  // The process-wide POSIX Env. Never deleted.
  static Env* Default();

  // The whole file; kNotFound if it does not exist.
  virtual Result<std::string> ReadFile(const std::filesystem::path& path) = 0;
  virtual Result<std::unique_ptr<RandomAccessFile>> OpenForRead(
      const std::filesystem::path& path) = 0;
  // Creates or truncates `path` (mode 0600), writes `data`, fsyncs, closes.
  virtual Status WriteFileSync(const std::filesystem::path& path, std::string_view data) = 0;
  // Appends `data` to `path` (created 0600 if absent) and fsyncs.
  virtual Status AppendSync(const std::filesystem::path& path, std::string_view data) = 0;
  virtual Status Truncate(const std::filesystem::path& path, uint64_t size) = 0;
  virtual Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  // fsync on a directory, so that a rename in it is durable.
  virtual Status SyncDir(const std::filesystem::path& dir) = 0;
  // mkdir -p; the last component is made (or set to) mode 0700.
  virtual Status CreateDir(const std::filesystem::path& dir) = 0;
  virtual bool FileExists(const std::filesystem::path& path) = 0;
  // One stat() (following a symlink, so a changed target shows); a missing
  // file is {exists = false}.
  // Not pure: the default stats the real file system, which is what an Env
  // that wraps the POSIX one wants.
  virtual Result<FileStamp> Stat(const std::filesystem::path& path);
  // unlink(); a missing file is not an error. Not pure, like Stat.
  virtual Status RemoveFile(const std::filesystem::path& path);
  // The names in `dir` (not "." or ".."), sorted; a missing directory is an
  // empty list. Used to find the devices of a synced store and the files a
  // sync engine left beside them. Not pure, like Stat.
  virtual Result<std::vector<std::string>> ListDir(const std::filesystem::path& dir);
  // A stable id of this machine (POSIX: /etc/machine-id, else
  // /var/lib/dbus/machine-id, else the host name). With the store's path it
  // names the files only this machine writes, so that two machines sharing a
  // synced folder, or two stores on one machine, never use the same device.
  // Not pure, like Stat.
  virtual std::string MachineId();
  // The host name, the default name of this machine's device ("" if unknown).
  virtual std::string HostName();
  // The absolute path of `path` with symbolic links resolved as far as it
  // exists, so one folder reached two ways is one store. Not pure, like Stat.
  virtual std::filesystem::path CanonicalPath(const std::filesystem::path& path);
  // Blocks until the advisory lock (flock) on `path` (created 0600) is ours.
  virtual Result<std::unique_ptr<FileLock>> LockFile(const std::filesystem::path& path) = 0;
  virtual std::chrono::system_clock::time_point Now() = 0;
};

// Writes `data` to `path` so that a crash at any instant leaves either the old
// file or the new one: temp file, fsync, rename over, fsync the directory.
Status WriteFileAtomically(Env* env, const std::filesystem::path& path, std::string_view data);

}  // namespace oneself::store
