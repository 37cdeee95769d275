// `ignore.add`: the user accepts what one site shows for one field. Applied to
// the latest revision under the store's lock, so it needs no baseRevision:
// the extension's "Ignore on this site" button must not fail on a conflict.
#include "commands/command.h"
#include "commands/ignore_request.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

bool Matches(const json& ignore, const IgnoreRequest& req) {
  return ignore.is_object() && ignore.value("field", std::string()) == req.field &&
         ignore.contains("observed") && ignore["observed"] == req.observed;
}

class IgnoreAdd final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<IgnoreRequest> req = ParseIgnoreRequest(request);
    if (!req.ok()) return req.status();
    // Adding what is already there changes nothing and makes no revision.
    Result<store::Snapshot> current = ctx.store.Load();
    if (!current.ok()) return current.status();
    json doc = current->doc;
    for (const json& ignore : IgnoresOf(doc, req->site)) {
      if (Matches(ignore, *req)) {
        return json{{"revision", current->revision}, {"site", req->site}, {"added", false}};
      }
    }
    const std::string at = ctx.now();
    bool added = true;
    Result<store::Snapshot> snapshot = ctx.store.Apply(
        [&](json& latest) {
          json& ignores = IgnoresOf(latest, req->site);
          for (const json& ignore : ignores) {
            if (Matches(ignore, *req)) {
              added = false;
              return Status::Ok();
            }
          }
          ignores.push_back({{"field", req->field}, {"observed", req->observed}, {"at", at}});
          return Status::Ok();
        },
        ctx.source);
    if (!snapshot.ok()) return snapshot.status();
    return json{{"revision", snapshot->revision}, {"site", req->site}, {"added", added}};
  }
};

}  // namespace

std::unique_ptr<Command> MakeIgnoreAdd() { return std::make_unique<IgnoreAdd>(); }

}  // namespace oneself::commands
