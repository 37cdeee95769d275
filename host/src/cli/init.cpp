// `oneself init`: create the store if absent.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("init takes no arguments"));
  const bool existed = env.ctx.store.Exists();
  if (Status s = env.ctx.store.Init(); !s.ok()) return Fail(env, s);
  Result<store::Snapshot> snapshot = env.ctx.store.Load();
  if (!snapshot.ok()) return Fail(env, snapshot.status());
  const std::string path = env.ctx.store.dir().string();
  if (args.Has("--json")) {
    PrintJson(env, {{"path", path}, {"revision", snapshot->revision}, {"created", !existed}});
  } else {
    env.out << (existed ? "Store already at " : "Created the store at ") << path << " (revision "
            << snapshot->revision << ")\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kInit{"init", "create the profile store if it does not exist",
                                 "usage: oneself init [--json]\n\n"
                                 "Creates the store ($ONESELF_HOME, else $XDG_DATA_HOME/oneself, else\n"
                                 "~/.local/share/oneself) with an empty profile. Safe to run twice.\n",
                                 {}, Run};

}  // namespace oneself::cli
