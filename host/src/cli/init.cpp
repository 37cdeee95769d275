// `oneself init`: create the store, or join a store folder that arrived by
// sync as a new device, and say which devices it found.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("init takes no arguments"));
  const bool existed = env.ctx.store.Exists();
  Result<store::InitReport> report = env.ctx.store.InitDevice(args.Has("--new-device"));
  if (!report.ok()) return Fail(env, report.status());
  Result<store::Snapshot> snapshot = env.ctx.store.Load();
  if (!snapshot.ok()) return Fail(env, snapshot.status());
  const std::string path = env.ctx.store.dir().string();
  if (args.Has("--json")) {
    json others = json::array();
    for (const auto& d : report->others)
      others.push_back({{"id", d.id}, {"name", d.name}, {"entries", d.entries}});
    PrintJson(env, {{"path", path},
                    {"revision", snapshot->revision},
                    {"created", !existed},
                    {"device", report->device},
                    {"newDevice", report->newDevice},
                    {"upgraded", report->migrated},
                    {"otherDevices", others}});
    return 0;
  }
  if (!existed) env.out << "Created the store at " << path;
  else if (report->newDevice && !report->others.empty()) env.out << "Joined the store at " << path;
  else env.out << "Store already at " << path;
  env.out << " (revision " << snapshot->revision << ")\n";
  if (report->migrated) env.out << "Upgraded it to the layout that syncs between machines.\n";
  if (report->newDevice) env.out << "This machine is device " << report->device << ".\n";
  if (!report->others.empty()) {
    env.out << "Other devices in it:\n";
    for (const auto& d : report->others)
      env.out << "  " << d.id << "  " << d.name << "  (" << d.entries << " entries)\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kInit{
    "init", "create the profile store, or join one that arrived by sync",
    "usage: oneself init [--new-device] [--json]\n\n"
    "Creates the store ($ONESELF_HOME, else $XDG_DATA_HOME/oneself, else\n"
    "~/.local/share/oneself) with an empty profile, and this machine's device in\n"
    "it. In a folder that already holds other machines' devices (it arrived by\n"
    "Syncthing, git, a cloud folder), adds this machine as a new device and lists\n"
    "the devices it found. A store of the older single-journal format is\n"
    "upgraded. Safe to run twice.\n\n"
    "--new-device gives this machine a new device even if it has one: what a write\n"
    "refused because another machine writes as the same device asks for.\n",
    {}, Run, {"--new-device"}};

}  // namespace oneself::cli
