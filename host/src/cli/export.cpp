// `oneself export`: the profile as a JSON Resume document (schema v1.0.0), on stdout.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args& args, Env& env) {
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("export takes no arguments; redirect stdout to a file"));
  Result<nlohmann::json> result = RunVerb(env, "export", nlohmann::json::object());
  if (!result.ok()) return Fail(env, result.status());
  PrintJson(env, args.Has("--json") ? *result : (*result)["resume"]);
  return 0;
}

}  // namespace

constinit const Subcommand kExport{"export", "print the profile as a JSON Resume document",
                                   "usage: oneself export [--json] > resume.json\n\n"
                                   "Prints the canonical profile as a JSON Resume document (schema v1.0.0);\n"
                                   "fields JSON Resume has no place for are kept under one namespaced key.\n"
                                   "--json wraps it with the revision it was made from.\n",
                                   {}, Run};

}  // namespace oneself::cli
