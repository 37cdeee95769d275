// Windows: no SIGTERM or SIGHUP. A console host is told to go by a console
// control event (the console closed, log-off, shut-down); a browser ends the
// host by closing its stdin (the host loop sees end of input) or by
// TerminateProcess, which no code can intercept, and which the store's
// crash safety covers (docs/store.md). The event handler runs on its own
// thread: as on POSIX, it exits at once when no request is in progress, and
// otherwise leaves the exit to the end of the request.
#include <windows.h>

#include <atomic>
#include <cstdlib>

#include "log/log.h"
#include "protocol/lifecycle.h"

namespace oneself::protocol {
namespace {

std::atomic<bool> g_busy{false};
std::atomic<int> g_pending{0};

BOOL WINAPI OnConsoleEvent(DWORD event) {
  if (!g_busy.load()) std::_Exit(0);
  g_pending.store(static_cast<int>(event) + 1);
  // Returning would let Windows end the process now; wait for the request to
  // finish (BusyScope exits). Windows allows a few seconds for this.
  for (;;) ::Sleep(INFINITE);
}

}  // namespace

void InstallShutdownHandlers() { ::SetConsoleCtrlHandler(OnConsoleEvent, TRUE); }

BusyScope::BusyScope() { g_busy.store(true); }

BusyScope::~BusyScope() {
  g_busy.store(false);
  if (int event = g_pending.load(); event != 0) {
    log::Info("console event {} received; exiting after the reply", event - 1);
    log::Shutdown();
    std::_Exit(0);
  }
}

}  // namespace oneself::protocol
