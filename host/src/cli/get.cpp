// `oneself get FIELD`: one field of the canonical profile.
#include "cli/path.h"
#include "cli/subcommand.h"

namespace oneself::cli {
namespace {

int Run(const Args& args, Env& env) {
  if (args.positional.size() != 1) return Fail(env, Status::BadRequest("get takes one FIELD, such as headline"));
  Result<std::vector<std::string>> parts = SplitPath(args.positional[0]);
  if (!parts.ok()) return Fail(env, parts.status());
  Result<nlohmann::json> result = RunVerb(env, "profile.get", nlohmann::json::object());
  if (!result.ok()) return Fail(env, result.status());
  const bool siteSetting = (*parts)[0] == "sites";
  std::vector<std::string> rest(parts->begin() + (siteSetting ? 1 : 0), parts->end());
  const nlohmann::json* value = Lookup((*result)[siteSetting ? "sites" : "profile"], rest);
  if (value == nullptr || value->is_null()) {
    return Fail(env, Status::NotFound(args.positional[0] + " is not set"));
  }
  if (args.Has("--json")) {
    PrintJson(env, *value);
  } else if (value->is_object() || value->is_array()) {
    env.out << value->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    env.out << Display(*value) << "\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kGet{"get", "print one field (name.full, headline, bio.short, ...)",
                                "usage: oneself get FIELD [--json]\n\n"
                                "FIELD is a dotted path into the profile: name.full, headline, bio.short,\n"
                                "location.city, website, work.0.title, ... or a site setting such as\n"
                                "sites.x.policy. Exits 1 if the field is not set.\n",
                                {}, Run};

}  // namespace oneself::cli
