// `bio.get`: the bio to paste into a site, fitted to its limit (compare::FitBio).
#include "commands/command.h"
#include "commands/fields.h"
#include "compare/engine.h"

namespace oneself::commands {
namespace {

class BioGet final : public Command {
 public:
  Result<nlohmann::json> Run(const nlohmann::json& request, Context& ctx) override {
    Result<std::string> site = RequireSite(request, "site");
    if (!site.ok()) return site.status();
    Result<std::shared_ptr<const store::Snapshot>> snapshot = ctx.store.LoadShared();
    if (!snapshot.ok()) return snapshot.status();
    return compare::FitBio(**snapshot, *site);
  }
};

}  // namespace

std::unique_ptr<Command> MakeBioGet() { return std::make_unique<BioGet>(); }

}  // namespace oneself::commands
