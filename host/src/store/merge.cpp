#include "store/merge.h"

#include <algorithm>
#include <string_view>

#include "store/leaves.h"
#include "store/previous.h"
#include "store/store_format.h"

namespace oneself::store {

using nlohmann::json;

const std::pair<const std::string, Write>* Merged::Winner(const std::map<std::string, Write>& byDevice) {
  const std::pair<const std::string, Write>* best = nullptr;
  for (const auto& kv : byDevice)
    if (!best || Later(kv.second.clock, kv.first, best->second.clock, best->first)) best = &kv;
  return best;
}

void Merged::Fold(const Entry& entry, uint64_t end, const std::string& hash) {
  DeviceSeen& dev = devices_[entry.device];
  dev.entries = entry.seq;
  dev.end = end;
  dev.last = hash;
  dev.clock = entry.clock;
  dev.time = entry.time;
  if (entry.name) dev.name = *entry.name;
  if (maxClock_ < entry.clock) maxClock_ = entry.clock;
  if (entry.changes.empty()) return;
  ++revision_;

  // The earlier values (`previous`) follow the profile's fields this entry
  // touches: only those top-level fields are copied and compared, not the
  // whole profile (its 2,600-character about in every fold of a first read).
  // UpdatePrevious gives the same result on them, since the fields left out
  // are the same before and after, and their earlier values were brought up
  // to date when they last changed.
  static constexpr std::string_view kProfile = "/profile/";
  json before = json::object();
  bool touchesProfile = false;
  for (const auto& [path, value] : entry.changes.items()) {
    if (path.rfind(kProfile, 0) != 0) continue;
    touchesProfile = true;
    const std::string field = path.substr(kProfile.size(), path.find('/', kProfile.size()) - kProfile.size());
    if (before.contains(field)) continue;
    const json& profile = doc_["profile"];
    auto it = profile.find(field);
    before[field] = it != profile.end() ? *it : json();
  }

  for (const auto& [path, value] : entry.changes.items()) {
    auto& byDevice = latest_[path];
    Write& w = byDevice[entry.device];
    if (w.seq > entry.seq) continue;
    w = Write{entry.seq, entry.clock, entry.time, value, entry.seen};
    const auto* shown = Winner(byDevice);
    SetLeaf(doc_, path, shown->second.value);
  }
  // `updated` is the time of the newest entry by clock, whatever the order
  // entries arrived in.
  if (entry.clock == maxClock_) updated_ = entry.time;
  if (touchesProfile) {
    json after = json::object();
    const json& profile = doc_["profile"];
    for (const auto& [field, was] : before.items()) {
      auto it = profile.find(field);
      after[field] = it != profile.end() ? *it : json();
    }
    if (before != after) UpdatePrevious(doc_["previous"], before, after, entry.time);
  }
}

std::map<std::string, int64_t> Merged::SeenCounts() const {
  std::map<std::string, int64_t> out;
  for (const auto& [id, dev] : devices_) out[id] = dev.entries;
  return out;
}

std::vector<std::pair<std::string, const Write*>> Merged::Frontier(
    const std::map<std::string, Write>& byDevice) const {
  std::vector<std::pair<std::string, const Write*>> out;
  for (const auto& [device, w] : byDevice) {
    bool superseded = false;
    for (const auto& [other, x] : byDevice) {
      if (other == device) continue;
      auto it = x.seen.find(device);
      if (it != x.seen.end() && it->second >= w.seq) superseded = true;
    }
    if (!superseded) out.emplace_back(device, &w);
  }
  return out;
}

std::vector<Conflict> Merged::Conflicts() const {
  std::vector<Conflict> out;
  for (const auto& [path, byDevice] : latest_) {
    if (byDevice.size() < 2) continue;
    auto frontier = Frontier(byDevice);
    if (frontier.size() < 2) continue;
    bool differ = false;
    for (const auto& f : frontier) differ = differ || f.second->value != frontier[0].second->value;
    if (!differ) continue;  // the same value written twice is no disagreement
    std::sort(frontier.begin(), frontier.end(), [](const auto& a, const auto& b) {
      return Later(a.second->clock, a.first, b.second->clock, b.first);
    });
    Conflict c{path, {}};
    for (const auto& [device, w] : frontier) c.values.push_back({device, w->time, w->value});
    out.push_back(std::move(c));
  }
  return out;
}

size_t Merged::ConflictCount() const { return Conflicts().size(); }

std::vector<std::string> Merged::ConflictedPaths() const {
  std::vector<std::string> out;
  for (auto& c : Conflicts()) out.push_back(c.path);
  return out;
}

namespace {
json ClockJson(const Clock& c) { return json::array({c.wall, c.counter}); }
Clock ClockFrom(const json& j) { return Clock{j.at(0).get<int64_t>(), j.at(1).get<int64_t>()}; }
}  // namespace

json Merged::ToJson() const {
  json devices = json::object();
  for (const auto& [id, d] : devices_)
    devices[id] = {{"entries", d.entries}, {"end", d.end},    {"last", d.last},
                   {"name", d.name},       {"clock", ClockJson(d.clock)}, {"time", d.time}};
  json latest = json::object();
  for (const auto& [path, byDevice] : latest_) {
    json& p = latest[path];
    for (const auto& [id, w] : byDevice)
      p[id] = {{"seq", w.seq}, {"clock", ClockJson(w.clock)}, {"time", w.time},
               {"value", w.value}, {"seen", w.seen}};
  }
  return {{"doc", doc_},         {"revision", revision_}, {"updated", updated_},
          {"clock", ClockJson(maxClock_)}, {"devices", devices}, {"latest", latest}};
}

bool Merged::FromJson(const json& j, Merged* out) {
  try {
    Merged m;
    m.doc_ = j.at("doc");
    for (const char* part : {"profile", "sites", "previous"})
      if (!m.doc_.contains(part) || !m.doc_[part].is_object()) return false;
    m.revision_ = j.at("revision").get<int64_t>();
    m.updated_ = j.at("updated").get<std::string>();
    m.maxClock_ = ClockFrom(j.at("clock"));
    for (const auto& [id, d] : j.at("devices").items())
      m.devices_[id] = DeviceSeen{d.at("entries").get<int64_t>(), d.at("end").get<uint64_t>(),
                                  d.at("last").get<std::string>(), d.at("name").get<std::string>(),
                                  ClockFrom(d.at("clock")), d.at("time").get<std::string>()};
    for (const auto& [path, byDevice] : j.at("latest").items())
      for (const auto& [id, w] : byDevice.items())
        m.latest_[path][id] = Write{w.at("seq").get<int64_t>(), ClockFrom(w.at("clock")),
                                    w.at("time").get<std::string>(), w.at("value"),
                                    w.at("seen").get<std::map<std::string, int64_t>>()};
    *out = std::move(m);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace oneself::store
