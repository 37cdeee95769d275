// A host process under measurement: started with posix_spawn as a browser
// starts it (argv, pipes on stdin/stdout), framed messages through the pipes,
// and its resource usage collected with wait4 when it ends.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace bench {

using Clock = std::chrono::steady_clock;

inline double MicrosSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

inline std::string Frame(std::string_view body) {
  uint32_t len = static_cast<uint32_t>(body.size());
  std::string out(reinterpret_cast<const char*>(&len), 4);
  out.append(body);
  return out;
}

class Child {
 public:
  // argv[0] is the program; `env` is the child's whole environment.
  Child(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> cargv, cenv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    for (const auto& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
    cenv.push_back(nullptr);
    // posix_spawnp: the reference hosts are run through python3 / node on PATH.
    int rc = posix_spawnp(&pid_, argv[0].c_str(), &fa, nullptr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&fa);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
      pid_ = -1;
      ::close(in[1]);
      ::close(out[0]);
      return;
    }
    in_ = in[1];
    out_ = out[0];
  }
  ~Child() {
    CloseInput();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool started() const { return pid_ > 0; }

  bool Write(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t w = ::write(in_, bytes.data(), bytes.size());
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(w));
    }
    return true;
  }
  bool Send(std::string_view body) { return Write(Frame(body)); }

  std::optional<std::string> Read() {
    uint32_t len = 0;
    if (!ReadExactly(reinterpret_cast<char*>(&len), 4)) return std::nullopt;
    std::string body(len, '\0');
    if (!ReadExactly(body.data(), len)) return std::nullopt;
    return body;
  }

  void CloseInput() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }
  // Reads whatever is left until end of output; returns the bytes read.
  size_t Drain() {
    char buf[65536];
    size_t total = 0;
    for (;;) {
      ssize_t n = ::read(out_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return total;
      total += static_cast<size_t>(n);
    }
  }
  // Everything the child writes until it closes its output.
  std::string ReadAll() {
    std::string out;
    char buf[65536];
    for (;;) {
      ssize_t n = ::read(out_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return out;
      out.append(buf, static_cast<size_t>(n));
    }
  }
  // Waits for the end; returns the exit status (-1 on a signal) and fills
  // the peak resident set size in KiB.
  int Wait(long* maxRssKiB = nullptr) {
    int st = 0;
    rusage ru{};
    if (::wait4(pid_, &st, 0, &ru) != pid_) return -1;
    reaped_ = true;
    if (maxRssKiB) *maxRssKiB = ru.ru_maxrss;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }

 private:
  bool ReadExactly(char* p, size_t n) {
    while (n > 0) {
      ssize_t got = ::read(out_, p, n);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      p += got;
      n -= static_cast<size_t>(got);
    }
    return true;
  }
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  bool reaped_ = false;
};

}  // namespace bench
