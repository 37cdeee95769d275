// `ignore.remove`: takes back an accepted value, so the warning comes back.
// not_found when there is no such ignore (and nothing is written).
#include "commands/command.h"
#include "commands/ignore_request.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

class IgnoreRemove final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<IgnoreRequest> req = ParseIgnoreRequest(request);
    if (!req.ok()) return req.status();
    Result<store::Snapshot> snapshot = ctx.store.Apply(
        [&](json& doc) {
          json& ignores = IgnoresOf(doc, req->site);
          json kept = json::array();
          for (const json& ignore : ignores) {
            const bool same = ignore.is_object() &&
                              ignore.value("field", std::string()) == req->field &&
                              ignore.contains("observed") && ignore["observed"] == req->observed;
            if (!same) kept.push_back(ignore);
          }
          if (kept.size() == ignores.size()) {
            return Status::NotFound("no ignore of '" + req->field + "' with that value on " + req->site);
          }
          ignores = std::move(kept);
          return Status::Ok();
        },
        ctx.source);
    if (!snapshot.ok()) return snapshot.status();
    return json{{"revision", snapshot->revision}, {"site", req->site}, {"removed", true}};
  }
};

}  // namespace

std::unique_ptr<Command> MakeIgnoreRemove() { return std::make_unique<IgnoreRemove>(); }

}  // namespace oneself::commands
