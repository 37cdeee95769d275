// `export`: the profile as a JSON Resume document (schema v1.0.0) (importers/).
#include "commands/command.h"
#include "importers/importers.h"

namespace oneself::commands {
namespace {

class Export final : public Command {
 public:
  Result<nlohmann::json> Run(const nlohmann::json&, Context& ctx) override {
    Result<std::shared_ptr<const store::Snapshot>> snapshot = ctx.store.LoadShared();
    if (!snapshot.ok()) return snapshot.status();
    return nlohmann::json{{"revision", (*snapshot)->revision},
                          {"format", "jsonresume"},
                          {"resume", importers::ExportJsonResume((*snapshot)->doc)}};
  }
};

}  // namespace

std::unique_ptr<Command> MakeExport() { return std::make_unique<Export>(); }

}  // namespace oneself::commands
