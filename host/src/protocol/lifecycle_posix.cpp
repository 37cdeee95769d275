#include "protocol/lifecycle.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>

#include "log/log.h"

namespace oneself::protocol {
namespace {

std::atomic<bool> g_busy{false};
std::atomic<int> g_pending{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "used from a signal handler");

extern "C" void OnShutdownSignal(int sig) {
  if (!g_busy.load()) _exit(0);  // async-signal-safe; nothing half-done to finish
  g_pending.store(sig);
}

}  // namespace

void InstallShutdownHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnShutdownSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

BusyScope::BusyScope() { g_busy.store(true); }

BusyScope::~BusyScope() {
  g_busy.store(false);
  if (int sig = g_pending.load(); sig != 0) {
    log::Info("signal {} received; exiting after the reply", sig);
    log::Shutdown();
    _exit(0);
  }
}

}  // namespace oneself::protocol
