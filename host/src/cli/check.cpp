// `oneself check --site SITE FILE|-`: compare what a site shows with the
// canonical profile, exactly as the extension's `check` does.
#include <algorithm>

#include "cli/field_paths.h"
#include "cli/subcommand.h"
#include "compare/checked_fields.h"
#include "sites/site_table.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The fields the verb left aside, with why: a score of 100 means nothing
// when the field that mattered was misspelt or is not compared on this site.
// A misspelt one gets the field it is close to, as `get` and `set` do.
void PrintLeftAside(Env& env, const json& fields, const json& result, const sites::Site& site) {
  std::vector<std::string> ignored;
  if (result.contains("ignored")) {
    for (const json& f : result["ignored"]) ignored.push_back(f.get<std::string>());
  }
  std::vector<std::string> unchecked;  // known fields the site's policy leaves out
  for (const auto& item : fields.items()) {
    const json name(item.key());
    const auto is = [&](const json& list) { return std::find(list.begin(), list.end(), name) != list.end(); };
    if (!is(result.value("checked", json::array())) && !is(result.value("ignored", json::array()))) {
      unchecked.push_back(item.key());
    }
  }
  if (!ignored.empty()) {
    env.out << "Ignored: " << Joined(ignored) << (ignored.size() == 1 ? " (not a field" : " (not fields")
            << " oneself checks on " << site.name << ")\n";
    const std::vector<std::string> checkFields(compare::kCheckedFields.begin(),
                                               compare::kCheckedFields.end());
    for (const std::string& name : ignored) {
      const std::string meant = Nearest(name, checkFields);
      if (!meant.empty()) env.out << "    " << name << ": did you mean " << meant << "?\n";
    }
  }
  if (!unchecked.empty()) {
    env.out << "Not checked: " << Joined(unchecked) << " (sites." << site.id << ".policy is "
            << result.value("policy", "") << ")\n";
  }
}

int Run(const Args& args, Env& env) {
  Result<std::string> site = SiteOption(args, "check");
  if (!site.ok()) return Fail(env, site.status());
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
  if (const std::string* mode = args.Option("--mode")) {
    if (*mode != "view" && *mode != "edit") {
      return Fail(env, Status::BadRequest("--mode must be view or edit"));
    }
    request["mode"] = *mode;
  }
  Result<json> result = RunVerb(env, "check", request);
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
    return 0;
  }
  const sites::Site* known = sites::FindSite(*site);  // SiteOption has found it
  if (result->value("policy", "") == "off") {
    env.out << known->name << " is off (sites." << known->id
            << ".policy is off): nothing was checked.\n";
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
  PrintLeftAside(env, fields, *result, *known);
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
