// `oneself register` and `oneself unregister` (cli/registration.h).
#include "cli/registration.h"
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

constexpr std::string_view kRegisterUsage =
    "usage: oneself register\n"
    "\n"
    "Windows: tells Chrome, Chromium, Edge, Brave, Vivaldi, Firefox and LibreWolf\n"
    "where the oneself host is, for you alone (no administrator needed): writes\n"
    "the host manifests beside oneself.exe and one registry key per browser under\n"
    "HKEY_CURRENT_USER. Run it again after moving oneself.exe. `oneself doctor`\n"
    "checks the result.\n"
    "\n"
    "Linux and macOS: browsers read host manifests in folders; ./install.sh\n"
    "writes them, and this command says so.\n";

constexpr std::string_view kUnregisterUsage =
    "usage: oneself unregister\n"
    "\n"
    "Windows: removes what `oneself register` wrote (the registry keys and the\n"
    "host manifests beside oneself.exe). The profile store is left alone.\n"
    "\n"
    "Linux and macOS: ./install.sh --uninstall does this; this command says so.\n";

int Report(Env& env, const Result<std::vector<std::string>>& done, std::string_view empty) {
  if (!done.ok()) return Fail(env, done.status());
  for (const std::string& line : *done) env.out << line << "\n";
  if (done->empty()) env.out << empty << "\n";
  return 0;
}

int RunRegister(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("register takes no arguments"));
  return Report(env, RegisterHost(SelfBinary()), "");
}

int RunUnregister(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("unregister takes no arguments"));
  return Report(env, UnregisterHost(SelfBinary()), "nothing to remove: oneself was not registered");
}

}  // namespace

constinit const Subcommand kRegister{"register", "tell the browsers where the host is (Windows)", kRegisterUsage,
                                     {}, RunRegister};
constinit const Subcommand kUnregister{"unregister", "undo `oneself register`", kUnregisterUsage, {},
                                       RunUnregister};

}  // namespace oneself::cli
