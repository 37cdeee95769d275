// `sites.status`: for every site, when it was last checked, how many warnings
// it had, and whether it is stale: a field it showed has changed in the
// canonical profile since. "Changed since" is read from the store's
// `previous` values and their `until` times, so the journal is never replayed.
#include <algorithm>

#include "commands/command.h"
#include "sites/site_table.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

// The `previous` key that tracks each check field.
const char* PreviousKey(std::string_view field) {
  if (field == "name" || field == "firstName" || field == "lastName") return "name";
  if (field == "headline") return "headline";
  if (field == "bio") return "bio";
  if (field == "location") return "location";
  if (field == "website") return "website";
  if (field == "employer") return "employer";
  if (field == "title") return "title";
  return nullptr;
}

// The canonical fields the site showed that have changed after `seen`.
json ChangedSince(const json& previous, const json& fields, const std::string& seen) {
  json changed = json::array();
  if (!fields.is_object() || !previous.is_object()) return changed;
  auto mark = [&](const char* key) {
    auto it = previous.find(key);
    if (it == previous.end() || !it->is_array() || it->empty()) return;
    const json& newest = it->front();
    if (!newest.is_object() || !newest.contains("until") || !newest["until"].is_string()) return;
    // RFC 3339 UTC times of the same shape compare as strings. Times have
    // second precision: a change in the very second of the observation counts
    // as after it (the caller knows the store has moved past the observed
    // revision), erring towards "look again" rather than "all is well".
    if (newest["until"].get<std::string>() < seen) return;
    // name, firstName and lastName all track "name": list it once.
    if (std::find(changed.begin(), changed.end(), key) == changed.end()) changed.push_back(key);
  };
  for (const auto& [field, value] : fields.items()) {
    if (field == "experience") {
      mark("employer");
      mark("title");
    } else if (const char* key = PreviousKey(field)) {
      mark(key);
    }
  }
  return changed;
}

class SitesStatus final : public Command {
 public:
  Result<json> Run(const json&, Context& ctx) override {
    Result<std::shared_ptr<const store::Snapshot>> snapshot = ctx.store.LoadShared();
    if (!snapshot.ok()) return snapshot.status();
    Result<json> observations = ctx.store.Observations();
    if (!observations.ok()) return observations.status();
    const json& doc = (*snapshot)->doc;
    const json previous = doc.value("previous", json::object());
    const json siteSettings = doc.value("sites", json::object());

    json list = json::array();
    for (const sites::Site& site : sites::AllSites()) {
      const std::string id(site.id);
      json entry = {{"id", id}, {"name", site.name}};
      std::string policy(sites::kDefaultPolicy);
      if (siteSettings.is_object() && siteSettings.contains(id) && siteSettings[id].is_object()) {
        policy = siteSettings[id].value("policy", policy);
      }
      entry["policy"] = policy;
      const json* seen = nullptr;
      if (observations->is_object() && observations->contains(id)) seen = &(*observations)[id];
      if (seen == nullptr || !seen->is_object()) {
        entry["seen"] = nullptr;
        entry["revision"] = nullptr;
        entry["warnings"] = nullptr;
        entry["stale"] = false;
        entry["changed"] = json::array();
      } else {
        const std::string when = seen->value("seen", std::string());
        const int64_t at = seen->value("revision", int64_t{0});
        json changed = at == (*snapshot)->revision
                           ? json::array()
                           : ChangedSince(previous, seen->value("fields", json::object()), when);
        entry["seen"] = when;
        entry["revision"] = at;
        entry["warnings"] = seen->value("warnings", 0);
        entry["stale"] = !changed.empty();
        entry["changed"] = std::move(changed);
      }
      list.push_back(std::move(entry));
    }
    return json{{"revision", (*snapshot)->revision}, {"sites", std::move(list)}};
  }
};

}  // namespace

std::unique_ptr<Command> MakeSitesStatus() { return std::make_unique<SitesStatus>(); }

}  // namespace oneself::commands
