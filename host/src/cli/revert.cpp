// `oneself revert REV`: make a new revision equal to REV.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  if (args.positional.size() != 1) return Fail(env, Status::BadRequest("revert takes one revision number"));
  std::optional<int64_t> revision = RevisionNumber(args.positional[0], true);
  if (!revision) return Fail(env, Status::BadRequest("'" + args.positional[0] + "' is not a revision number"));
  Result<json> current = RunVerb(env, "profile.get", json::object());
  if (!current.ok()) return Fail(env, current.status());
  Result<json> result = RunVerb(env, "profile.revert",
                                {{"revision", *revision}, {"baseRevision", (*current)["revision"]}});
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, {{"revision", (*result)["revision"]}, {"revertedTo", *revision}});
  } else if ((*result)["revision"] == (*current)["revision"]) {
    // The store makes no revision when nothing changes (store.cpp): say so
    // rather than name the current one as if it were new.
    env.out << "Nothing changed; the profile is at revision " << (*current)["revision"].get<int64_t>()
            << "\n";
  } else {
    env.out << "Reverted to r" << *revision << " as revision "
            << (*result)["revision"].get<int64_t>() << "\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kRevert{"revert", "make a new revision equal to an earlier one",
                                   "usage: oneself revert REV [--json]\n\n"
                                   "Makes a new revision whose profile equals revision REV (see\n"
                                   "`oneself history`). Nothing is lost: the revert is itself a revision.\n",
                                   {}, Run};

}  // namespace oneself::cli
