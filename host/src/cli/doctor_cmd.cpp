// `oneself doctor`: run by cli.cpp straight into cli::RunDoctor (doctor.cpp),
// which parses its own options; this entry gives the table its summary and
// the same usage text RunDoctor prints.
#include "cli/doctor.h"
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args&, Env& env) {
  return RunDoctor({}, env.out, env.err);
}

}  // namespace

constinit const Subcommand kDoctor{"doctor", "check the browser registrations and the store", kDoctorUsage,
                                   {}, Run};

}  // namespace oneself::cli
