// `hello`: the handshake. Says which protocol and version the host speaks,
// where the store is, and which sites it knows with their limits.
#include <fmt/format.h>

#include "commands/command.h"
#include "commands/fields.h"
#include "protocol/limits.h"
#include "sites/site_table.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

std::string_view CountingName(sites::Counting counting) {
  switch (counting) {
    case sites::Counting::kCodePoints: return "codepoints";
    case sites::Counting::kGraphemes: return "graphemes";
    case sites::Counting::kCodePointsUrl23: return "codepoints-url23";
  }
  return "codepoints";
}

class Hello final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<int64_t> protocol = RequireInt(request, "protocol", 0);
    if (!protocol.ok()) return protocol.status();
    if (*protocol != protocol::kProtocolVersion) {
      return Status::UnsupportedProtocol(fmt::format("this host speaks protocol {}, not {}",
                                                     protocol::kProtocolVersion, *protocol));
    }
    // A store that cannot be read does not fail the handshake: the client
    // still learns the protocol and the sites, and can say what is wrong.
    Result<std::shared_ptr<const store::Snapshot>> snapshot = ctx.store.LoadShared();

    // Built key by key: initializer lists copy every nested value, and a
    // hello starts every cold start.
    json sites = json::array();
    for (const sites::Site& site : sites::AllSites()) {
      json entry = json::object();
      entry["id"] = site.id;
      entry["name"] = site.name;
      entry["counting"] = CountingName(site.counting);
      json& limits = entry["limits"] = json::object();
      for (const sites::FieldLimit& limit : site.limits) limits[std::string(limit.field)] = limit.max;
      sites.push_back(std::move(entry));
    }
    json store = json::object();
    store["path"] = ctx.store.dir().string();
    store["exists"] = ctx.store.Exists();
    if (snapshot.ok()) {
      store["revision"] = (*snapshot)->revision;
      store["conflicts"] = (*snapshot)->conflicts;
    } else {
      store["revision"] = nullptr;
      store["error"] = {{"code", CodeName(snapshot.status().code())}, {"message", snapshot.status().message()}};
    }
    json reply = json::object();
    reply["protocol"] = protocol::kProtocolVersion;
    reply["version"] = ONESELF_VERSION;
    reply["store"] = std::move(store);
    reply["sites"] = std::move(sites);
    return reply;
  }
};

}  // namespace

std::unique_ptr<Command> MakeHello() { return std::make_unique<Hello>(); }

}  // namespace oneself::commands
