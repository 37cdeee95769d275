#include "store/entry.h"

#include "json/parse.h"

namespace oneself::store {

using nlohmann::json;

bool IsDeviceId(std::string_view id) {
  if (id.size() != 16) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

Result<std::string> EncodeEntry(const Entry& e) {
  json j = {{"changes", e.changes}, {"clock", {e.clock.wall, e.clock.counter}},
            {"device", e.device},   {"prev", e.prev},
            {"seen", e.seen},       {"seq", e.seq},
            {"source", e.source},   {"time", e.time}};
  if (e.revertedTo) j["revertedTo"] = *e.revertedTo;
  if (e.name) j["name"] = *e.name;
  try {
    return j.dump();
  } catch (const json::exception&) {
    return Status::BadRequest("a value is not valid UTF-8");
  }
}

Result<Entry> DecodeEntry(std::string_view bytes) {
  json j = jsontext::Parse(bytes).value_or(json(json::value_t::discarded));
  auto bad = [] { return Status::StoreError("a journal line is not a device entry"); };
  if (j.is_discarded() || !j.is_object()) return bad();
  auto has = [&](const char* key, json::value_t type) {
    auto it = j.find(key);
    return it != j.end() && (it->type() == type ||
                             (type == json::value_t::number_integer && it->is_number_integer()));
  };
  using T = json::value_t;
  if (!has("changes", T::object) || !has("clock", T::array) || !has("device", T::string) ||
      !has("prev", T::string) || !has("seen", T::object) || !has("seq", T::number_integer) ||
      !has("source", T::string) || !has("time", T::string))
    return bad();
  const json& clock = j["clock"];
  if (clock.size() != 2 || !clock[0].is_number_integer() || !clock[1].is_number_integer())
    return bad();
  Entry e;
  e.device = j["device"].get<std::string>();
  if (!IsDeviceId(e.device)) return bad();
  e.seq = j["seq"].get<int64_t>();
  e.clock = Clock{clock[0].get<int64_t>(), clock[1].get<int64_t>()};
  e.time = j["time"].get<std::string>();
  e.source = j["source"].get<std::string>();
  e.changes = std::move(j["changes"]);
  for (const auto& [key, count] : j["seen"].items()) {
    if (!IsDeviceId(key) || !count.is_number_integer()) return bad();
    e.seen[key] = count.get<int64_t>();
  }
  for (const auto& [path, value] : e.changes.items()) {
    (void)value;
    if (path.empty() || path[0] != '/') return bad();
  }
  e.prev = j["prev"].get<std::string>();
  if (auto it = j.find("revertedTo"); it != j.end()) {
    if (!it->is_number_integer()) return bad();
    e.revertedTo = it->get<int64_t>();
  }
  if (auto it = j.find("name"); it != j.end()) {
    if (!it->is_string()) return bad();
    e.name = it->get<std::string>();
  }
  return e;
}

}  // namespace oneself::store
