// `oneself set FIELD VALUE`: change one field through profile.update.
#include "cli/path.h"
#include "cli/subcommand.h"
#include "json/parse.h"
#include "protocol/limits.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

// Fields whose value is a list or an object, given as JSON on the command line.
bool TakesJson(const std::vector<std::string>& parts) {
  if (parts[0] == "sites") return parts.size() == 3 && parts[2] != "policy";
  if (parts.size() == 1) {
    return parts[0] == "links" || parts[0] == "work" || parts[0] == "profiles" ||
           parts[0] == "name" || parts[0] == "bio" || parts[0] == "location" || parts[0] == "photo";
  }
  return parts.size() == 2 && parts[0] == "name" && parts[1] == "nicknames";
}

int Run(const Args& args, Env& env) {
  if (args.positional.size() != 2) {
    return Fail(env, Status::BadRequest("set takes FIELD and VALUE, such as: set headline \"Engineer\""));
  }
  Result<std::vector<std::string>> parts = SplitPath(args.positional[0]);
  if (!parts.ok()) return Fail(env, parts.status());
  if ((*parts)[0] == "sites" && parts->size() < 3) {
    return Fail(env, Status::BadRequest("site settings are sites.SITE.policy or sites.SITE.overrides.FIELD"));
  }
  const std::string& text = args.positional[1];
  json value;
  if (text.empty()) {
    value = nullptr;  // an empty value removes the field
  } else if (TakesJson(*parts)) {
    // As deep as a request may nest, so that whatever is stored reads back.
    jsontext::ParseOptions options;
    options.maxDepth = protocol::kMaxJsonDepth;
    auto parsed = jsontext::Parse(text, options);
    if (!parsed) {
      return Fail(env, Status::BadRequest(args.positional[0] + " takes a JSON value, nested at most " +
                                          std::to_string(protocol::kMaxJsonDepth) + " levels"));
    }
    value = std::move(*parsed);
  } else {
    value = text;
  }
  json request;
  if ((*parts)[0] == "sites") {
    request["sites"] = PatchFor({parts->begin() + 1, parts->end()}, std::move(value));
  } else {
    request["profile"] = PatchFor(*parts, std::move(value));
  }
  // The user means "make it so now": when another writer got in between,
  // re-read and apply again (a few times) rather than report a conflict.
  Result<json> result = Status::Internal("not run");
  for (int attempt = 0; attempt < 5; ++attempt) {
    Result<json> current = RunVerb(env, "profile.get", json::object());
    if (!current.ok()) return Fail(env, current.status());
    request["baseRevision"] = (*current)["revision"];
    result = RunVerb(env, "profile.update", request);
    if (result.ok() || result.status().code() != Code::kConflict) break;
  }
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, {{"revision", (*result)["revision"]}});
  } else {
    env.out << "Set " << args.positional[0] << " (revision " << (*result)["revision"].get<int64_t>()
            << ")\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kSet{"set", "change one field",
                                "usage: oneself set FIELD VALUE [--json]\n\n"
                                "FIELD is a dotted path: name.full, name.given, headline, bio.short,\n"
                                "bio.about, email, website, location.city, location.display, ...\n"
                                "Lists and objects (links, work, profiles, name.nicknames) take JSON:\n"
                                "  oneself set links '[{\"label\":\"Blog\",\"url\":\"https://ada.example.com\"}]'\n"
                                "Site settings: sites.SITE.policy (professional|personal|off),\n"
                                "sites.SITE.overrides.FIELD. An empty VALUE removes the field.\n",
                                {}, Run};

}  // namespace oneself::cli
