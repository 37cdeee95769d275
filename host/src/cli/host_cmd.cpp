// `oneself host`: main.cpp runs the native messaging host for this word
// (protocol/caller_check); the CLI only ever sees it with --help.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args&, Env& env) {
  return Fail(env, Status::BadRequest("host takes no arguments; run `oneself host` alone"));
}

}  // namespace

constinit const Subcommand kHost{"host", "speak the native messaging protocol on stdin/stdout",
                                 "usage: oneself host\n\n"
                                 "Runs the native messaging host by hand: length-prefixed JSON frames on\n"
                                 "stdin and stdout (docs/protocol.md). Browsers start it themselves with\n"
                                 "the extension's origin as the argument.\n",
                                 {}, Run};

}  // namespace oneself::cli
