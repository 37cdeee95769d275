#include "cli/cli.h"

#include <algorithm>

#include "cli/doctor.h"
#include "cli/subcommand.h"
#include "store/store.h"

namespace oneself::cli {
namespace {

const Subcommand* const kTable[] = {&kInit,   &kShow,   &kGet,    &kSet,   &kImport,
                                    &kExport, &kHistory, &kRevert, &kVerify, &kStatus,
                                    &kDoctor, &kHost,   &kCheck,  &kBio,   &kPhoto,
                                    &kRegister, &kUnregister, &kDevices, &kConflicts};

void PrintOverview(Output& out) {
  out << "usage: oneself <command> [options]\n"
         "\n"
         "Keeps one canonical profile on this machine and tells you where your\n"
         "profiles on other sites drift from it.\n"
         "\n"
         "commands:\n";
  for (const Subcommand* sub : kTable) {
    std::string name(sub->name);
    name.resize(std::max<size_t>(10, name.size() + 1), ' ');  // "unregister" is 10
    out << "  " << name << sub->summary << "\n";
  }
  out << "\n"
         "Run `oneself <command> --help` for its options. Data lives in $ONESELF_HOME\n"
         "(default ~/.local/share/oneself). Exit status: 0 ok, 1 user error, 2 internal error.\n";
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Output& out, Output& err) {
  if (args.empty()) {
    // A command line without a command is a mistake: the usage goes where
    // errors go, so that `oneself > file` does not fill the file with it.
    PrintOverview(err);
    return 1;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() >= 2 && args[0] == "help") return RunCli({args[1], "--help"}, out, err);
    PrintOverview(out);
    return 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    out << "oneself " << ONESELF_VERSION << "\n";
    return 0;
  }
  const Subcommand* sub = nullptr;
  for (const Subcommand* s : kTable) {
    if (s->name == args[0]) sub = s;
  }
  if (sub == nullptr) {
    err << "oneself: '" << args[0] << "' is not a command; see `oneself --help`\n";
    return 1;
  }
  // --help (or -h) anywhere before "--" asks for the verb's own usage, whatever
  // else is on the line: a person adds it to a command that did not work.
  for (size_t i = 1; i < args.size() && args[i] != "--"; ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << sub->usage;
      return 0;
    }
  }
  if (sub == &kDoctor) {
    // doctor parses its own options (cli/doctor.cpp).
    return RunDoctor({args.begin() + 1, args.end()}, out, err);
  }
  Result<Args> parsed = ParseArgs({args.begin() + 1, args.end()}, sub->valued, sub->flags);
  if (!parsed.ok()) {
    err << "oneself " << sub->name << ": " << parsed.status().message() << "; see `oneself "
        << sub->name << " --help`\n";
    return 1;
  }
  store::Store store(store::DefaultDirectory());
  commands::Context ctx{store, store::Source::kCli, commands::NowUtc};
  Env env{out, err, ctx};
  // From the command line only init makes the store: another command would
  // make part of one (a write takes the lock first) or show an empty profile
  // as if it were the user's, when ONESELF_HOME is simply wrong. The host,
  // started by a browser, still makes it on its first write.
  // Registration concerns the browsers, not the store.
  const bool needsStore = sub != &kInit && sub != &kRegister && sub != &kUnregister;
  if (needsStore && !store.Exists()) {
    return Fail(env, Status::NotFound("no profile store at " + store.dir().string() +
                                      " (run: oneself init)"));
  }
  return sub->run(*parsed, env);
}

}  // namespace oneself::cli
