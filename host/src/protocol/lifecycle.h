// Prompt, clean exits on SIGTERM and SIGHUP. While a request is being handled
// (possibly writing the store) the signal is held until the reply is out;
// otherwise the host is blocked in read() and exits at once.
#pragma once

namespace oneself::protocol {

// Installs the SIGTERM/SIGHUP handlers and ignores SIGPIPE (a closed pipe
// becomes a write error, which ends the loop).
void InstallShutdownHandlers();

// Marks a request in progress for its lifetime; on destruction, exits the
// process if a shutdown signal arrived meanwhile.
class BusyScope {
 public:
  BusyScope();
  ~BusyScope();
  BusyScope(const BusyScope&) = delete;
  BusyScope& operator=(const BusyScope&) = delete;
};

}  // namespace oneself::protocol
