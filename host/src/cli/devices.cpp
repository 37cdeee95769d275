// `oneself devices`: the machines that write to this store folder.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  auto& store = env.ctx.store;
  if (!args.positional.empty()) {
    if (args.positional[0] != "rename" || args.positional.size() != 2)
      return Fail(env, Status::BadRequest(
                           "devices takes no arguments, or `rename NAME` (see `oneself devices --help`)"));
    if (Status s = store.RenameDevice(args.positional[1]); !s.ok()) return Fail(env, s);
    if (!args.Has("--json")) env.out << "This machine's device is now named " << args.positional[1] << ".\n";
  }
  Result<std::vector<store::DeviceInfo>> devices = store.Devices();
  if (!devices.ok()) return Fail(env, devices.status());
  if (args.Has("--json")) {
    json list = json::array();
    for (const auto& d : *devices)
      list.push_back({{"id", d.id},
                      {"name", d.name},
                      {"entries", d.entries},
                      {"lastWrite", d.lastWrite.empty() ? json() : json(d.lastWrite)},
                      {"self", d.self}});
    PrintJson(env, {{"devices", list}});
    return 0;
  }
  if (!args.positional.empty()) return 0;
  for (const auto& d : *devices) {
    env.out << (d.self ? "* " : "  ") << d.id << "  " << d.name << "  " << d.entries
            << " entries, last write " << (d.lastWrite.empty() ? "never" : d.lastWrite)
            << (d.self ? "  (this machine)" : "") << "\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kDevices{
    "devices", "list the machines that write to this store",
    "usage: oneself devices [--json]\n"
    "       oneself devices rename NAME\n\n"
    "Lists each device of the store folder: its id, its name (the host name\n"
    "unless renamed), how many journal entries it wrote, the time of its last\n"
    "write, and which one is this machine (*). `rename` names this machine's\n"
    "device; the name syncs to the other machines like any entry.\n",
    {}, Run};

}  // namespace oneself::cli
