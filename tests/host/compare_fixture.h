// Shared by the compare_* tests: the canonical profile of the labeled corpus
// (tests/corpus/profile.json) as a store snapshot, and small helpers to run
// `check` and pick warnings out of its result.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/engine.h"
#include "store/store.h"

namespace compare_test {

using nlohmann::json;

inline json LoadJson(const std::string& relative) {
  std::ifstream in(std::string(ONESELF_SOURCE_DIR) + "/" + relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

inline oneself::store::Snapshot AdaSnapshot(int64_t revision = 7) {
  static const json doc = LoadJson("tests/corpus/profile.json");
  oneself::store::Snapshot s;
  s.revision = revision;
  s.updated = "2026-11-20T10:00:00Z";
  s.doc = doc;
  return s;
}

// The snapshot with `patch` merged into the document (RFC 7396).
inline oneself::store::Snapshot Patched(const json& patch, int64_t revision = 8) {
  oneself::store::Snapshot s = AdaSnapshot(revision);
  s.doc.merge_patch(patch);
  return s;
}

inline json RunCheck(const oneself::store::Snapshot& s, const std::string& site, const json& fields,
                     const std::string& mode = "view") {
  json req = {{"type", "check"}, {"site", site}, {"mode", mode}, {"fields", fields}};
  auto r = oneself::compare::Check(s, req);
  if (!r.ok()) return json{{"error", r.status().ToString()}};
  return *r;
}

inline std::vector<json> WarningsFor(const json& result, const std::string& field) {
  std::vector<json> out;
  if (!result.contains("warnings")) return out;
  for (const json& w : result["warnings"]) {
    if (w["field"] == field) out.push_back(w);
  }
  return out;
}

// The one warning on `field`, or null when there is none (or several).
inline json OneWarning(const json& result, const std::string& field) {
  const auto ws = WarningsFor(result, field);
  return ws.size() == 1 ? ws[0] : json(nullptr);
}

inline json CheckOne(const std::string& field, const json& observed, const std::string& site = "linkedin") {
  return OneWarning(RunCheck(AdaSnapshot(), site, json{{field, observed}}), field);
}

}  // namespace compare_test
