// Speaking to the real `oneself` binary through pipes, as a browser does:
// start it with posix_spawn, write length-prefixed frames to its stdin, read
// them from its stdout. Shared by the hardening tests and the black-box
// hostile-input tests; header-only so each test binary stays one file.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace hardening {

// The origin Chromium passes as argv[1] for our pinned extension id
// (manifest/allowed-callers.json).
inline constexpr const char* kAllowedOrigin =
    "chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/";

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "oneself-hardening") {
    std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) == nullptr) std::abort();
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The current environment with some variables replaced or added.
inline std::vector<std::string> MakeEnv(const std::vector<std::pair<std::string, std::string>>& set) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string kv = *e;
    bool replaced = false;
    for (const auto& [k, v] : set) {
      if (kv.rfind(k + "=", 0) == 0) replaced = true;
    }
    if (!replaced) env.push_back(std::move(kv));
  }
  for (const auto& [k, v] : set) env.push_back(k + "=" + v);
  return env;
}

// The binary the black-box tests start: ONESELF_TEST_BINARY when set (the
// Windows build's oneself.exe, tests/windows.cmake), else the one they were
// built with.
inline std::string BinaryUnderTest(const char* builtWith) {
  const char* chosen = std::getenv("ONESELF_TEST_BINARY");
  return chosen != nullptr && *chosen != '\0' ? chosen : builtWith;
}

// Whether the binary under test is the Windows build's (tests/windows.cmake),
// which reads no ZIP file and no WebP image (README.md, "Windows"): the tests of
// those check its refusal there instead.
inline bool TestingWindowsBinary() {
  const char* chosen = std::getenv("ONESELF_TEST_BINARY");
  const std::string_view b = chosen != nullptr ? chosen : "";
  return b.size() > 4 && b.substr(b.size() - 4) == ".exe";
}

// A Windows program (name ending in .exe) is started through
// ONESELF_TEST_LAUNCHER, default "wine": the same pipes, environment and
// exit status reach it, and a kill of this process is a kill of it (Wine runs
// the Windows program in the process it starts).
inline std::vector<std::string> LaunchLine(const std::string& binary) {
  const bool windows = binary.size() > 4 && binary.compare(binary.size() - 4, 4, ".exe") == 0;
  if (!windows) return {binary};
  const char* launcher = std::getenv("ONESELF_TEST_LAUNCHER");
  return {launcher != nullptr && *launcher != '\0' ? launcher : "wine", binary};
}

inline std::vector<char*> CStrings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

inline bool WriteAll(int fd, const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// Reads exactly n bytes, waiting at most timeoutMs for each chunk.
// false on end of input, error or timeout.
inline bool ReadExactly(int fd, void* data, size_t n, int timeoutMs) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    pollfd pfd{fd, POLLIN, 0};
    int r = ::poll(&pfd, 1, timeoutMs);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    ssize_t got = ::read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

inline std::string Frame(std::string_view body) {
  uint32_t len = static_cast<uint32_t>(body.size());
  std::string out(reinterpret_cast<const char*>(&len), 4);
  out.append(body);
  return out;
}

// One running host (or any child with piped stdin/stdout).
class HostProcess {
 public:
  // `args` excludes argv[0]. `env` is the whole environment of the child.
  // The child's stderr goes to `stderrPath` (or /dev/null if empty).
  HostProcess(const std::string& binary, const std::vector<std::string>& args,
              std::vector<std::string> env, const std::string& stderrPath = "") {
    int toChild[2], fromChild[2];
    if (pipe2(toChild, O_CLOEXEC) != 0 || pipe2(fromChild, O_CLOEXEC) != 0) std::abort();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, toChild[0], 0);
    posix_spawn_file_actions_adddup2(&fa, fromChild[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, stderrPath.empty() ? "/dev/null" : stderrPath.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    std::vector<std::string> argv = LaunchLine(binary);
    argv.insert(argv.end(), args.begin(), args.end());
    auto cargv = CStrings(argv);
    auto cenv = CStrings(env);
    int rc = posix_spawnp(&pid_, argv[0].c_str(), &fa, nullptr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&fa);
    ::close(toChild[0]);
    ::close(fromChild[1]);
    if (rc != 0) {
      pid_ = -1;
      ::close(toChild[1]);
      ::close(fromChild[0]);
      return;
    }
    in_ = toChild[1];
    out_ = fromChild[0];
  }
  ~HostProcess() {
    CloseInput();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      int st;
      ::waitpid(pid_, &st, 0);
    }
  }
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  bool started() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int input() const { return in_; }
  int output() const { return out_; }

  bool SendRaw(std::string_view bytes) { return in_ >= 0 && WriteAll(in_, bytes.data(), bytes.size()); }
  bool SendBody(std::string_view body) { return SendRaw(Frame(body)); }
  bool Send(const nlohmann::json& j) { return SendBody(j.dump()); }

  // The next frame's body, or nullopt on end of output / timeout.
  std::optional<std::string> ReadFrameBody(int timeoutMs = 20000) {
    uint32_t len = 0;
    if (!ReadExactly(out_, &len, 4, timeoutMs)) return std::nullopt;
    if (len > (1u << 20)) return std::nullopt;  // a reply over the browsers' limit is a failure
    std::string body(len, '\0');
    if (!ReadExactly(out_, body.data(), len, timeoutMs)) return std::nullopt;
    return body;
  }
  // The next frame parsed as JSON; a discarded value when absent or unparseable.
  nlohmann::json ReadReply(int timeoutMs = 20000) {
    auto body = ReadFrameBody(timeoutMs);
    if (!body) return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(*body, nullptr, false);
  }
  nlohmann::json Call(const nlohmann::json& request, int timeoutMs = 20000) {
    if (!Send(request)) return nlohmann::json(nlohmann::json::value_t::discarded);
    return ReadReply(timeoutMs);
  }

  void CloseInput() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }
  void Kill(int sig = SIGKILL) {
    if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
  }
  // The raw wait status, or nullopt if the child is still running after timeoutMs.
  std::optional<int> Wait(int timeoutMs = 20000) {
    if (reaped_) return status_;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
      int st = 0;
      pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        reaped_ = true;
        status_ = st;
        return st;
      }
      if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
      ::usleep(2000);
    }
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

struct CommandResult {
  int exitCode = -1;  // -1 when killed by a signal or not started
  std::string out;
};

// Runs `binary args...` to completion with stdin from /dev/null, capturing stdout.
inline CommandResult RunCommand(const std::string& binary, const std::vector<std::string>& args,
                                std::vector<std::string> env, const std::string& stderrPath = "") {
  HostProcess p(binary, args, std::move(env), stderrPath);
  CommandResult r;
  if (!p.started()) return r;
  p.CloseInput();
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(p.output(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    r.out.append(buf, static_cast<size_t>(n));
  }
  auto st = p.Wait(60000);
  if (st && WIFEXITED(*st)) r.exitCode = WEXITSTATUS(*st);
  return r;
}

// Whether `oneself verify --json` found the store whole. Debian's Wine keeps
// no access list on a file (it reads back one made from the Unix mode, which
// lets Everyone read): under Wine (tests/windows/run.sh sets
// ONESELF_TEST_NO_FILE_ACLS) verify's "is not private" findings are set
// aside, and every other finding still fails. The access list itself is
// checked where Windows stores it, and reported as unchecked under Wine
// (tests/host/store_env_win32_test.cpp).
inline bool VerifyReportPasses(const CommandResult& r) {
  auto report = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  if (!report.is_object() || !report.contains("problems") || !report["problems"].is_array()) return false;
  const char* noAcls = std::getenv("ONESELF_TEST_NO_FILE_ACLS");
  if (noAcls == nullptr || *noAcls == '\0') return r.exitCode == 0 && report.value("ok", false);
  if (r.exitCode != 0 && r.exitCode != 1) return false;
  for (const auto& p : report["problems"]) {
    if (!p.is_string() || p.get<std::string>().find(" is not private: ") == std::string::npos) return false;
  }
  return true;
}

}  // namespace hardening
