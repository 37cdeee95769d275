// `oneself get FIELD`: one field of the canonical profile.
#include "cli/field_paths.h"
#include "cli/path.h"
#include "cli/subcommand.h"
#include "sites/site_table.h"

namespace oneself::cli {
namespace {

int Run(const Args& args, Env& env) {
  if (args.positional.size() != 1) return Fail(env, Status::BadRequest("get takes one FIELD, such as headline"));
  Result<std::vector<std::string>> parts = SplitPath(args.positional[0]);
  if (!parts.ok()) return Fail(env, parts.status());
  const std::string& name = args.positional[0];
  const bool siteSetting = (*parts)[0] == "sites";
  if (siteSetting ? !IsSiteSetting(*parts) : FindField(*parts) == nullptr) {
    return Fail(env, Status::BadRequest(name + " is not a known field" + DidYouMean(name)));
  }
  Result<nlohmann::json> result = RunVerb(env, "profile.get", nlohmann::json::object());
  if (!result.ok()) return Fail(env, result.status());
  std::vector<std::string> rest(parts->begin() + (siteSetting ? 1 : 0), parts->end());
  const nlohmann::json* value = Lookup((*result)[siteSetting ? "sites" : "profile"], rest);
  if (value == nullptr || value->is_null()) {
    // An unset policy is not missing: every verb applies the default.
    if (siteSetting && rest.size() == 2 && rest[1] == "policy") {
      if (args.Has("--json")) {
        PrintJson(env, std::string(sites::kDefaultPolicy));
      } else {
        env.out << sites::kDefaultPolicy << " (the default)\n";
      }
      return 0;
    }
    return Fail(env, Status::NotFound(name + " is not set"));
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
                                "location.city, website, work[0].title (or work.0.title), ... or a site\n"
                                "setting such as sites.x.policy. Exits 1 if the field is not set; an\n"
                                "unset policy prints the default, professional.\n",
                                {}, Run};

}  // namespace oneself::cli
