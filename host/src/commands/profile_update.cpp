// `profile.update`: a merge patch of "profile" and/or "sites", made against
// `baseRevision`; refused with conflict when the store has moved since.
#include "commands/command.h"
#include "commands/fields.h"
#include "commands/snapshot_json.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

class ProfileUpdate final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<int64_t> base = RequireInt(request, "baseRevision", 0);
    if (!base.ok()) return base.status();
    Result<std::optional<json>> profile = OptionalObject(request, "profile");
    if (!profile.ok()) return profile.status();
    Result<std::optional<json>> sites = OptionalObject(request, "sites");
    if (!sites.ok()) return sites.status();
    if (!*profile && !*sites) {
      return Status::BadRequest("field 'profile' or 'sites' is needed: there is nothing to update");
    }
    json patch = json::object();
    if (*profile) patch["profile"] = std::move(**profile);
    if (*sites) patch["sites"] = std::move(**sites);
    Result<store::Snapshot> snapshot = ctx.store.Update(*base, patch, ctx.source);
    if (!snapshot.ok()) return snapshot.status();
    return SnapshotJson(*snapshot);
  }
};

}  // namespace

std::unique_ptr<Command> MakeProfileUpdate() { return std::make_unique<ProfileUpdate>(); }

}  // namespace oneself::commands
