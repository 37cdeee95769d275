// The one table of verbs. A new verb is one new file and one line here.
#include <chrono>
#include <exception>

#include "log/log.h"

#include "commands/command.h"
#include "commands/verbs.h"
#include "store/state.h"

namespace oneself::commands {
namespace {

struct Verb {
  std::string_view type;
  std::unique_ptr<Command> (*make)();
};

constexpr Verb kVerbs[] = {
    {"hello", MakeHello},
    {"profile.get", MakeProfileGet},
    {"profile.update", MakeProfileUpdate},
    {"profile.history", MakeProfileHistory},
    {"profile.revert", MakeProfileRevert},
    {"conflicts", MakeConflicts},
    {"import", MakeImport},
    {"export", MakeExport},
    {"sites.status", MakeSitesStatus},
    {"check", MakeCheck},
    {"bio.get", MakeBioGet},
    {"photo.set", MakePhotoSet},
    {"ignore.add", MakeIgnoreAdd},
    {"ignore.remove", MakeIgnoreRemove},
};

}  // namespace

std::unique_ptr<Command> MakeCommand(std::string_view type) {
  for (const Verb& verb : kVerbs) {
    if (verb.type == type) return verb.make();
  }
  return nullptr;
}

const std::vector<std::string_view>& AllVerbs() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> v;
    for (const Verb& verb : kVerbs) v.push_back(verb.type);
    return v;
  }();
  return all;
}

Result<nlohmann::json> Execute(std::string_view type, const nlohmann::json& request, Context& ctx) {
  std::unique_ptr<Command> command = MakeCommand(type);
  if (!command) {
    std::string shown(type.substr(0, 64));
    return Status::UnknownType("no verb called '" + shown + "'");
  }
  try {
    return command->Run(request, ctx);
  } catch (const std::exception& e) {
    // A bug, not the caller's fault: details to the log, a stable code on the wire.
    log::Error("{}: unexpected exception: {}", type, e.what());
    return Status::Internal("the host hit an internal error running '" + std::string(type) +
                            "'; details are in the host log");
  }
}

std::string NowUtc() { return store::FormatTime(std::chrono::system_clock::now()); }

}  // namespace oneself::commands
