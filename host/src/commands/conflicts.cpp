// `conflicts`: fields written on two devices that had not seen each other's
// value, each with every value, its device and time, the shown one first.
// `oneself conflicts` runs this verb too, so both answer the same shape.
#include "commands/command.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

class Conflicts final : public Command {
 public:
  Result<json> Run(const json&, Context& ctx) override {
    Result<std::vector<store::FieldConflict>> conflicts = ctx.store.Conflicts();
    if (!conflicts.ok()) return conflicts.status();
    json list = json::array();
    for (const store::FieldConflict& c : *conflicts) {
      json values = json::array();
      for (const auto& v : c.values)
        values.push_back({{"value", v.value}, {"device", v.device}, {"deviceName", v.deviceName},
                          {"time", v.time}});
      list.push_back({{"field", c.field}, {"path", c.path}, {"values", std::move(values)}});
    }
    return json{{"conflicts", std::move(list)}};
  }
};

}  // namespace

std::unique_ptr<Command> MakeConflicts() { return std::make_unique<Conflicts>(); }

}  // namespace oneself::commands
