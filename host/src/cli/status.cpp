// `oneself status`: which sites were checked when, and which are stale.
#include <memory>

#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("status takes no arguments"));
  Result<json> result = RunVerb(env, "sites.status", json::object());
  if (!result.ok()) return Fail(env, result.status());
  // The conflicts are the store's, not the sites': counted here, as hello
  // counts them, rather than in the sites.status verb's reply.
  Result<std::shared_ptr<const store::Snapshot>> snap = env.ctx.store.LoadShared();
  if (!snap.ok()) return Fail(env, snap.status());
  const int64_t conflicts = (*snap)->conflicts;
  if (args.Has("--json")) {
    (*result)["conflicts"] = conflicts;
    PrintJson(env, *result);
    return 0;
  }
  env.out << "profile revision " << (*result)["revision"].get<int64_t>() << "\n";
  if (conflicts > 0)
    env.out << conflicts << " conflict(s): fields edited on two machines at once (oneself conflicts)\n";
  else
    env.out << "0 conflicts\n";
  for (const json& site : (*result)["sites"]) {
    std::string name = site["name"].get<std::string>();
    name.resize(10, ' ');
    env.out << name;
    const std::string policy = site["policy"].get<std::string>();
    if (policy == "off") {
      env.out << "off\n";
      continue;
    }
    if (site["seen"].is_null()) {
      env.out << "never checked\n";
      continue;
    }
    env.out << "seen " << site["seen"].get<std::string>() << ", " << site["warnings"].get<int>()
            << " warning(s)";
    if (site["stale"].get<bool>()) {
      std::string fields;
      for (const json& f : site["changed"]) fields += (fields.empty() ? "" : ", ") + f.get<std::string>();
      env.out << ", STALE: changed since: " << fields;
    }
    if (policy != "professional") env.out << " [" << policy << "]";
    env.out << "\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kStatus{"status", "show which sites still show outdated values",
                                   "usage: oneself status [--json]\n\n"
                                   "For every site: when the extension last checked it, how many warnings\n"
                                   "it had, and whether it is stale (it showed fields that have changed in\n"
                                   "the canonical profile since).\n",
                                   {}, Run};

}  // namespace oneself::cli
