// `oneself check --site SITE FILE|-`: compare what a site shows with the
// canonical profile, exactly as the extension's `check` does.
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

int Run(const Args& args, Env& env) {
  const std::string* site = args.Option("--site");
  if (site == nullptr) return Fail(env, Status::BadRequest("check needs --site SITE"));
  if (args.positional.size() != 1) {
    return Fail(env, Status::BadRequest("check takes one FILE of fields (or - for stdin)"));
  }
  Result<std::string> text = ReadFileText(args.positional[0]);
  if (!text.ok()) return Fail(env, text.status());
  json fields = json::parse(*text, nullptr, false);
  if (fields.is_discarded() || !fields.is_object()) {
    return Fail(env, Status::BadRequest(args.positional[0] + " is not a JSON object of fields"));
  }
  // Accept a whole check request too, not only its `fields`.
  if (fields.contains("fields") && fields["fields"].is_object()) fields = fields["fields"];
  json request = {{"site", *site}, {"mode", "view"}, {"fields", fields}};
  if (const std::string* mode = args.Option("--mode")) request["mode"] = *mode;
  Result<json> result = RunVerb(env, "check", request);
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  const json& warnings = (*result)["warnings"];
  if (warnings.empty()) {
    env.out << "No drift on " << *site << ".";
  } else {
    for (const json& w : warnings) {
      env.out << w.value("severity", "") << "  " << w.value("field", "") << "  " << w.value("code", "")
              << ": " << w.value("message", "") << "\n";
      if (w.contains("suggestion") && w["suggestion"].is_string()) {
        env.out << "    suggestion: " << w["suggestion"].get<std::string>() << "\n";
      }
    }
  }
  if (result->contains("score")) env.out << (warnings.empty() ? " " : "") << "Score " << (*result)["score"].dump() << "/100";
  env.out << "\n";
  return 0;
}

}  // namespace

constinit const Subcommand kCheck{"check", "compare a site's fields with the canonical profile",
                                  "usage: oneself check --site SITE [--mode view|edit] FILE|- [--json]\n\n"
                                  "FILE holds a JSON object of the fields a site shows, for example\n"
                                  "  {\"headline\": \"Senior Engineer at Lumen Labs\", \"location\": \"Boston, MA\"}\n"
                                  "(- reads it from stdin). Prints one line per warning. SITE is one of\n"
                                  "linkedin, x, github, facebook, mastodon, bluesky, instagram, google, website.\n"
                                  "In view mode (the default) what was seen is recorded for `oneself status`.\n",
                                  {"--site", "--mode"}, Run};

}  // namespace oneself::cli
