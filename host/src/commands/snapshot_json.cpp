#include "commands/snapshot_json.h"

namespace oneself::commands {

nlohmann::json SnapshotJson(const store::Snapshot& snapshot) {
  auto part = [&](const char* key) {
    if (snapshot.doc.is_object()) {
      auto it = snapshot.doc.find(key);
      if (it != snapshot.doc.end() && it->is_object()) return *it;
    }
    return nlohmann::json::object();
  };
  return {{"revision", snapshot.revision},
          {"updated", snapshot.updated},
          {"profile", part("profile")},
          {"sites", part("sites")},
          {"previous", part("previous")}};
}

}  // namespace oneself::commands
