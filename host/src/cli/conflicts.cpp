// `oneself conflicts`: fields written on two devices that had not seen each
// other's value; the profile shows one, all are kept until the next write.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("conflicts takes no arguments"));
  Result<std::vector<store::FieldConflict>> conflicts = env.ctx.store.Conflicts();
  if (!conflicts.ok()) return Fail(env, conflicts.status());
  if (args.Has("--json")) {
    json list = json::array();
    for (const auto& c : *conflicts) {
      json values = json::array();
      for (const auto& v : c.values)
        values.push_back({{"value", v.value}, {"device", v.device}, {"deviceName", v.deviceName},
                          {"time", v.time}});
      list.push_back({{"field", c.field}, {"path", c.path}, {"values", values}});
    }
    PrintJson(env, {{"conflicts", list}});
    return 0;
  }
  if (conflicts->empty()) {
    env.out << "No conflicts.\n";
    return 0;
  }
  for (const auto& c : *conflicts) {
    env.out << c.field << ":\n";
    bool first = true;
    for (const auto& v : c.values) {
      env.out << (first ? "  shown  " : "         ")
              << (v.value.is_null() ? std::string("(removed)") : v.value.is_string() ? v.value.get<std::string>() : v.value.dump())
              << "  [" << (v.deviceName.empty() ? v.device : v.deviceName) << ", " << v.time << "]\n";
      first = false;
    }
  }
  env.out << "Resolve one with `oneself set FIELD VALUE` (or set it from the options page).\n";
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
