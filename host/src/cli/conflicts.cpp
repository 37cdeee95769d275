// `oneself conflicts`: fields written on two devices that had not seen each
// other's value; the profile shows one, all are kept until the next write.
// The `conflicts` verb gives the list, so the CLI and the protocol agree.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("conflicts takes no arguments"));
  Result<json> result = RunVerb(env, "conflicts", json::object());
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  const json& conflicts = (*result)["conflicts"];
  if (conflicts.empty()) {
    env.out << "No conflicts.\n";
    return 0;
  }
  for (const json& c : conflicts) {
    env.out << c["field"].get<std::string>() << ":\n";
    bool first = true;
    for (const json& v : c["values"]) {
      const json& value = v["value"];
      const std::string& name = v["deviceName"].get_ref<const std::string&>();
      env.out << (first ? "  shown  " : "         ")
              << (value.is_null() ? std::string("(removed)") : value.is_string() ? value.get<std::string>() : value.dump())
              << "  [" << (name.empty() ? v["device"].get<std::string>() : name) << ", "
              << v["time"].get<std::string>() << "]\n";
      first = false;
    }
  }
  env.out << "Resolve one with `oneself set FIELD VALUE` (or choose one on the options page).\n";
  return 0;
}

}  // namespace

constinit const Subcommand kConflicts{
    "conflicts", "list fields edited on two machines at once",
    "usage: oneself conflicts [--json]\n\n"
    "Lists each field whose latest values were written on two or more devices\n"
    "that had not seen each other's: every value with its device and time, the\n"
    "one the profile shows first. A later write of the field on a machine that\n"
    "has seen them all (`oneself set FIELD VALUE` after a sync) resolves it.\n",
    {}, Run};

}  // namespace oneself::cli
