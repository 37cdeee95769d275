// `check`: what the extension read from one of the user's own profile pages,
// compared with the canonical profile (compare::Check). In view mode what was
// seen is recorded as the site's observation, for sites.status; in edit mode
// the user is still typing, so nothing is recorded.
#include "log/log.h"

#include <optional>
#include <string>

#include "commands/command.h"
#include "commands/fields.h"
#include "compare/engine.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

// The observed fields worth keeping: only those the engine checked, and the
// photo as its hash rather than 1,024 numbers (`photoHash`, computed once
// for the reply too).
json ObservedFields(const json& fields, const json& result, const std::optional<std::string>& photoHash) {
  json kept = json::object();
  if (!result.contains("checked") || !result["checked"].is_array()) return kept;
  for (const json& name : result["checked"]) {
    if (!name.is_string()) continue;
    const std::string key = name.get<std::string>();
    if (!fields.contains(key)) continue;
    const json& value = fields[key];
    if (key == "photo" && value.is_object() && value.contains("gray")) {
      if (photoHash) kept[key] = {{"phash", *photoHash}};
      continue;
    }
    kept[key] = value;
  }
  return kept;
}

const json* GrayPhoto(const json& fields) {
  auto it = fields.find("photo");
  if (it == fields.end() || !it->is_object() || !it->contains("gray")) return nullptr;
  return &*it;
}

class Check final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<std::string> site = RequireSite(request, "site");
    if (!site.ok()) return site.status();
    Result<const json*> fields = RequireObject(request, "fields");
    if (!fields.ok()) return fields.status();
    Result<std::optional<std::string>> mode = OptionalString(request, "mode");
    if (!mode.ok()) return mode.status();
    if (*mode && **mode != "view" && **mode != "edit") {
      return Status::BadRequest("field 'mode' must be \"view\" or \"edit\"");
    }
    Result<std::optional<std::string>> url = OptionalString(request, "url");
    if (!url.ok()) return url.status();

    // Shared, not copied: a check runs on every keystroke.
    Result<std::shared_ptr<const store::Snapshot>> snapshot = ctx.store.LoadShared();
    if (!snapshot.ok()) return snapshot.status();
    Result<json> result = compare::Check(**snapshot, request);
    if (!result.ok()) return result.status();
    // The observed photo's fingerprint: the extension sends it, rather than
    // the 1,024 gray values, with the page's next checks.
    std::optional<std::string> photoHash;
    if (const json* photo = GrayPhoto(**fields)) {
      Result<std::string> hash = compare::PerceptualHash((*photo)["gray"]);
      if (hash.ok()) {
        photoHash = *hash;
        (*result)["photo"] = {{"phash", *hash}};
      }
    }

    if (mode->value_or("view") == "view") {
      int warnings = 0;
      if (result->contains("warnings") && (*result)["warnings"].is_array()) {
        warnings = static_cast<int>((*result)["warnings"].size());
      }
      Status recorded = ctx.store.RecordObservation(*site, ObservedFields(**fields, *result, photoHash),
                                                    (*snapshot)->revision, warnings);
      // The comparison stands on its own; a failed record only costs status freshness.
      if (!recorded.ok()) log::Warn("check: observation not recorded: {}", CodeName(recorded.code()));
    }
    return result;
  }
};

}  // namespace

std::unique_ptr<Command> MakeCheck() { return std::make_unique<Check>(); }

}  // namespace oneself::commands
