// `profile.get`: the current revision of the whole store document.
#include "commands/command.h"
#include "commands/snapshot_json.h"

namespace oneself::commands {
namespace {

class ProfileGet final : public Command {
 public:
  Result<nlohmann::json> Run(const nlohmann::json&, Context& ctx) override {
    Result<std::shared_ptr<const store::Snapshot>> snapshot = ctx.store.LoadShared();
    if (!snapshot.ok()) return snapshot.status();
    return SnapshotJson(**snapshot);
  }
};

}  // namespace

std::unique_ptr<Command> MakeProfileGet() { return std::make_unique<ProfileGet>(); }

}  // namespace oneself::commands
