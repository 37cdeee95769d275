// `oneself doctor`: run by cli.cpp straight into cli::RunDoctor (doctor.cpp),
// which parses its own options; this entry only carries the help text.
#include "cli/doctor.h"
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args&, Env& env) {
  return RunDoctor({}, env.out, env.err);
}

}  // namespace

const Subcommand kDoctor{"doctor", "check the browser registrations and the store",
                         "usage: oneself doctor\n\n"
                         "For each browser found: is the host manifest there, does it point at an\n"
                         "executable oneself, does it allow the extension; is the store readable\n"
                         "with the right permissions; does the journal verify. Each problem is\n"
                         "printed with the command that fixes it.\n",
                         {}, Run};

}  // namespace oneself::cli
