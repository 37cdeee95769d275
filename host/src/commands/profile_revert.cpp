// `profile.revert`: a new revision whose document equals an earlier one.
#include "commands/command.h"
#include "commands/fields.h"
#include "commands/snapshot_json.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

class ProfileRevert final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<int64_t> revision = RequireInt(request, "revision", 0);
    if (!revision.ok()) return revision.status();
    Result<int64_t> base = RequireInt(request, "baseRevision", 0);
    if (!base.ok()) return base.status();
    Result<store::Snapshot> snapshot = ctx.store.Revert(*revision, *base, ctx.source);
    if (!snapshot.ok()) return snapshot.status();
    return SnapshotJson(*snapshot);
  }
};

}  // namespace

std::unique_ptr<Command> MakeProfileRevert() { return std::make_unique<ProfileRevert>(); }

}  // namespace oneself::commands
