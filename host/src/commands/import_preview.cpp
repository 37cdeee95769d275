#include "commands/import_preview.h"

#include <set>

namespace oneself::commands {
namespace {

using nlohmann::json;

void Walk(const json& before, const json& after, const std::string& field, json& out) {
  if (before == after) return;
  // A field added or removed whole is shown leaf by leaf too, as `show`
  // prints a profile: "name.full: (none) → "Ada"", not the whole object.
  if (before.is_null() && (after.is_object() || after.is_array()) && !after.empty())
    return Walk(after.is_object() ? json::object() : json::array(), after, field, out);
  if (after.is_null() && (before.is_object() || before.is_array()) && !before.empty())
    return Walk(before, before.is_object() ? json::object() : json::array(), field, out);
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : before.items()) keys.insert(k);
    for (const auto& [k, v] : after.items()) keys.insert(k);
    for (const std::string& k : keys) {
      const std::string path = field.empty() ? k : field + "." + k;
      Walk(before.value(k, json(nullptr)), after.value(k, json(nullptr)), path, out);
    }
    return;
  }
  if (before.is_array() && after.is_array()) {
    for (size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
      Walk(i < before.size() ? before[i] : json(nullptr), i < after.size() ? after[i] : json(nullptr),
           field + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  out.push_back({{"field", field}, {"from", before}, {"to", after}});
}

}  // namespace

json FieldChanges(const json& before, const json& after) {
  json out = json::array();
  Walk(before.is_object() ? before : json::object(), after.is_object() ? after : json::object(), "", out);
  return out;
}

Result<json> SetByHand(const store::Store& store, const json& fields) {
  json out = json::object();
  if (!fields.is_array() || fields.empty()) return out;
  std::set<std::string> open;
  for (const json& f : fields)
    if (f.is_string()) open.insert(f.get<std::string>());
  // Newest first, a page at a time, until each field is placed: the first
  // entry that changed a field is who set its value.
  int64_t before = 0;
  while (!open.empty()) {
    auto page = store.History(before, 64);
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    for (const store::JournalEntry& entry : *page) {
      before = entry.revision;
      if (!entry.changes.is_object()) continue;
      for (const auto& [key, change] : entry.changes.items()) {
        if (!open.count(key)) continue;
        open.erase(key);
        // A revert puts back what was there; it is nobody's new value.
        if (entry.source != "import" && !entry.revertedTo)
          out[key] = {{"revision", entry.revision}, {"source", entry.source}};
      }
    }
    if (before <= 1) break;
  }
  return out;
}

}  // namespace oneself::commands
