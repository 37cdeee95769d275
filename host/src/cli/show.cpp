// `oneself show`: the canonical profile.
#include "cli/path.h"
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("show takes no arguments"));
  Result<nlohmann::json> result = RunVerb(env, "profile.get", nlohmann::json::object());
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  env.out << "revision " << (*result)["revision"].get<int64_t>() << "\n";
  std::vector<std::string> lines;
  Flatten((*result)["profile"], "", lines);
  for (const auto& [site, settings] : (*result)["sites"].items()) {
    Flatten(settings, "sites." + site, lines);
  }
  if (lines.empty()) env.out << "(the profile is empty: try `oneself set headline \"...\"` or `oneself import`)\n";
  for (const std::string& line : lines) env.out << line << "\n";
  return 0;
}

}  // namespace

constinit const Subcommand kShow{"show", "print the canonical profile",
                                 "usage: oneself show [--json]\n\n"
                                 "Prints every field of the canonical profile as `path: value`, and the\n"
                                 "per-site settings. --json prints the whole document with its revision.\n",
                                 {}, Run};

}  // namespace oneself::cli
