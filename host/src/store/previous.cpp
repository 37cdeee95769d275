#include "store/previous.h"

#include <array>
#include <string_view>
#include <vector>

#include "store/store_format.h"

namespace oneself::store {
namespace {

using nlohmann::json;

std::string StringAt(const json& obj, std::string_view key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The current position: the first one without an end date.
json CurrentPosition(const json& profile) {
  auto it = profile.find("work");
  if (it == profile.end() || !it->is_array()) return json::object();
  for (const auto& w : *it)
    if (w.is_object() && (!w.contains("end") || w["end"].is_null())) return w;
  return json::object();
}

// Every tracked key's current value(s) in a profile. bio has one per variant.
std::vector<std::pair<std::string, std::string>> Tracked(const json& profile) {
  json current = CurrentPosition(profile);
  std::vector<std::pair<std::string, std::string>> out = {
      {"name", StringAt(profile.value("name", json::object()), "full")},
      {"headline", StringAt(profile, "headline")},
      {"location", StringAt(profile.value("location", json::object()), "display")},
      {"website", StringAt(profile, "website")},
      {"employer", StringAt(current, "employer")},
      {"title", StringAt(current, "title")},
  };
  json bio = profile.value("bio", json::object());
  for (std::string_view variant : {"short", "medium", "long", "about"})
    out.emplace_back("bio", StringAt(bio, variant));
  return out;
}

}  // namespace

void UpdatePrevious(json& previous, const json& before, const json& after,
                    const std::string& time) {
  if (!previous.is_object()) previous = json::object();
  auto old = Tracked(before);
  auto now = Tracked(after);
  for (size_t i = 0; i < old.size(); ++i) {
    const std::string& key = old[i].first;
    const std::string& was = old[i].second;
    if (was.empty() || was == now[i].second) continue;
    json& list = previous[key];
    if (!list.is_array()) list = json::array();
    for (size_t j = 0; j < list.size();) {
      if (list[j].is_object() && list[j].value("value", "") == was) list.erase(j);
      else ++j;
    }
    list.insert(list.begin(), json{{"value", was}, {"until", time}});
  }
  // A value that is current again is no longer an earlier value.
  for (auto& [key, list] : previous.items()) {
    if (!list.is_array()) continue;
    for (size_t j = 0; j < list.size();) {
      bool current = false;
      for (const auto& [k, v] : now)
        current = current || (k == key && !v.empty() && list[j].is_object() &&
                              list[j].value("value", "") == v);
      if (current) list.erase(j);
      else ++j;
    }
    if (list.size() > format::kPreviousDepth)
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(format::kPreviousDepth), list.end());
  }
  for (auto it = previous.begin(); it != previous.end();) {
    if (it->is_array() && it->empty()) it = previous.erase(it);
    else ++it;
  }
}

}  // namespace oneself::store
