// Wiring only: protect stdout, set up logging, then run the native messaging
// host or the CLI. Everything else lives in oneself_core.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/output.h"
#include "commands/command.h"
#include "log/log.h"
#include "log/logging.h"
#include "platform/process_start.h"
#include "protocol/caller_check.h"
#include "protocol/dispatch.h"
#include "protocol/host_loop.h"
#include "protocol/lifecycle.h"
#include "sanitizers.h"
#include "store/store.h"

namespace {

using namespace oneself;

// The host's last step. Freeing the store's cached document, the prepared
// canonical profile and the buffers one node at a time was a few percent of
// every cold start (the browser may start the host for each message); the
// kernel takes the whole address space back at once. Nothing is pending by
// then: every reply is written, the log is shut down and flushed, and no lock
// is held between requests. Sanitizer builds return, and tear down as usual,
// so that the leak checker still sees everything the host allocated.
int EndHost(int status) {
#ifdef ONESELF_SANITIZED
  return status;
#else
  std::fflush(nullptr);
  std::_Exit(status);
#endif
}

int RunHostMode(const protocol::Caller& caller) {
  // The frames get a private handle on the real stdout, and fd 1 becomes
  // stderr: a stray print anywhere can then never corrupt the stream.
  const int frames = platform::ProtectStdout();
  if (frames < 0) {
    std::perror("oneself: cannot protect stdout");
    return 2;
  }
  protocol::InstallShutdownHandlers();
  // Who started this host heads the first line it logs, if it logs any.
  const std::string callerName = caller.name.empty() ? "(terminal)" : caller.name;
  log::SetUpLogging(/*toStderr=*/true, std::string("host version=") + ONESELF_VERSION + " caller=" + callerName +
                                           (caller.allowed ? " allowed=true" : " allowed=false"));
  if (!caller.allowed) log::Warn("caller not allowed; every request will be refused");

  store::Store store(store::DefaultDirectory());
  commands::Context ctx{store, store::Source::kExtension, commands::NowUtc};
  protocol::Dispatcher dispatcher(ctx, caller.allowed);
  protocol::FdReader in(0);
  protocol::FdWriter out(frames);
  const int status = protocol::RunHost(in, out, dispatcher);
  log::Shutdown();
  return EndHost(status);
}

}  // namespace

int main(int argc, char** argv) {
  // Everything oneself writes (store, logs) is private, whatever the umask.
  platform::MakeNewFilesPrivate();
  const std::vector<std::string> args = platform::ProgramArguments(argc, argv);
  const platform::ClosedStandard closed = platform::HoldStandardDescriptors();
  const protocol::Caller caller = protocol::IdentifyCaller(args);
  if (caller.hostMode) {
    if (closed.in || closed.out) {
      std::fputs("oneself: started without stdin or stdout, which carry the messages\n", stderr);
      return 2;
    }
    return RunHostMode(caller);
  }
  log::SetUpLogging(/*toStderr=*/false);
  int status = 0;
  {
    cli::Output out(1, /*unbuffered=*/false);
    cli::Output err(2, /*unbuffered=*/true);
    if (closed.out) out.Refuse(EBADF);
    status = cli::RunCli(args, out, err);
    // Output that did not reach its file (a full disk, a closed stdout) is a
    // failure, even for a command that did everything else: `oneself export
    // > resume.json` must not leave a short file behind a success.
    if (!out.Flush() && out.used()) {
      err << "oneself: cannot write the output: " << std::strerror(out.error()) << "\n";
      if (status == 0) status = 2;
    }
  }
  log::Shutdown();
  return status;
}
