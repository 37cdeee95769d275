// `oneself verify`: walk the journal's hash chain and check the store.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("verify takes no arguments"));
  Result<store::VerifyReport> report = env.ctx.store.Verify();
  if (!report.ok()) return Fail(env, report.status());
  const bool good = report->problems.empty();
  if (args.Has("--json")) {
    PrintJson(env, {{"ok", good},
                    {"entries", report->entries},
                    {"revision", report->revision},
                    {"problems", report->problems}});
  } else if (good) {
    env.out << "The store verifies: " << report->entries << " journal entries, revision "
            << report->revision << "\n";
  } else {
    for (const std::string& problem : report->problems) env.err << "oneself: " << problem << "\n";
  }
  return good ? 0 : 1;
}

}  // namespace

constinit const Subcommand kVerify{"verify", "check the history's hash chain and the store files",
                                   "usage: oneself verify [--json]\n\n"
                                   "Walks the whole journal: every entry's hash of the one before, revisions\n"
                                   "without gaps, the last entry matching the profile, file permissions.\n"
                                   "Exits 1 and lists the problems when the store does not verify.\n",
                                   {}, Run};

}  // namespace oneself::cli
