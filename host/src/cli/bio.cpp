// `oneself bio SITE` (or `--site SITE`): the bio to paste, fitted to the
// site's limit.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  // `oneself bio x` is what people type first; it means `--site x`.
  const bool named = args.Option("--site") == nullptr && !args.positional.empty();
  Result<std::string> site =
      named ? SiteNamed(args.positional.front(), "bio " + args.positional.front()) : SiteOption(args, "bio");
  if (!site.ok()) return Fail(env, site.status());
  if (args.positional.size() > (named ? 1u : 0u)) return Fail(env, Status::BadRequest("bio takes one SITE"));
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
                                "usage: oneself bio SITE [--json]\n"
                                "       oneself bio --site SITE [--json]\n\n"
                                "Prints the site's override if there is one, else the longest bio that\n"
                                "fits the site's limit, else the shortest bio cut at a sentence or word\n"
                                "with an ellipsis. --json adds the length, the limit and whether it was cut.\n",
                                {"--site"}, Run};

}  // namespace oneself::cli
