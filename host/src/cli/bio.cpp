// `oneself bio --site SITE`: the bio to paste, fitted to the site's limit.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  Result<std::string> site = SiteOption(args, "bio");
  if (!site.ok()) return Fail(env, site.status());
  if (!args.positional.empty()) return Fail(env, Status::BadRequest("bio takes no arguments besides --site"));
  Result<json> result = RunVerb(env, "bio.get", {{"site", *site}});
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  env.out << result->value("text", "") << "\n";
  return 0;
}

}  // namespace

constinit const Subcommand kBio{"bio", "print the bio that fits a site",
                                "usage: oneself bio --site SITE [--json]\n\n"
                                "Prints the site's override if there is one, else the longest bio that\n"
                                "fits the site's limit, else the shortest bio cut at a sentence or word\n"
                                "with an ellipsis. --json adds the length, the limit and whether it was cut.\n",
                                {"--site"}, Run};

}  // namespace oneself::cli
