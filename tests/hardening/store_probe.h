// Reading the store back through the real binary, for the crash and
// many-writers tests: the current revision and headline (hello, profile.get)
// and the whole history (profile.history, paged), plus `oneself verify`.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "host_pipe.h"

namespace hardening {

// `profile.get`'s document, whichever of the documented wrappings it uses.
inline const nlohmann::json* ProfileOf(const nlohmann::json& result) {
  if (result.contains("profile") && result["profile"].is_object()) return &result["profile"];
  if (result.contains("doc") && result["doc"].is_object() && result["doc"].contains("profile"))
    return &result["doc"]["profile"];
  return nullptr;
}

inline std::optional<int64_t> RevisionOf(const nlohmann::json& result) {
  if (result.contains("revision") && result["revision"].is_number_integer())
    return result["revision"].get<int64_t>();
  return std::nullopt;
}

struct StoreState {
  bool ok = false;
  std::string problem;
  int64_t revision = 0;
  std::optional<std::string> headline;
};

// Starts a fresh host and asks it for the revision and the headline.
inline StoreState ReadState(const std::string& binary, const std::vector<std::string>& env) {
  StoreState s;
  HostProcess h(binary, {kAllowedOrigin}, env);
  auto hello = h.Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}});
  if (hello.is_discarded() || !hello.value("ok", false)) {
    s.problem = "hello failed: " + (hello.is_discarded() ? std::string("no reply") : hello.dump());
    return s;
  }
  auto get = h.Call({{"id", 2}, {"type", "profile.get"}});
  if (get.is_discarded() || !get.value("ok", false)) {
    s.problem = "profile.get failed: " + (get.is_discarded() ? std::string("no reply") : get.dump());
    return s;
  }
  const auto& result = get["result"];
  auto rev = RevisionOf(result);
  if (!rev) {
    s.problem = "profile.get has no revision: " + get.dump();
    return s;
  }
  s.revision = *rev;
  if (const auto* p = ProfileOf(result); p && p->contains("headline") && (*p)["headline"].is_string())
    s.headline = (*p)["headline"].get<std::string>();
  s.ok = true;
  return s;
}

// revision -> the journal entry's "changes" (as a compact string), for every
// revision in the history, read page by page through profile.history.
inline std::optional<std::map<int64_t, std::string>> ReadHistory(
    const std::string& binary, const std::vector<std::string>& env, std::string* problem) {
  std::map<int64_t, std::string> out;
  HostProcess h(binary, {kAllowedOrigin}, env);
  int64_t before = 0;
  for (int page = 0; page < 100000; ++page) {
    nlohmann::json req = {{"id", page}, {"type", "profile.history"}, {"limit", 100}};
    if (before > 0) req["before"] = before;
    auto r = h.Call(req);
    if (r.is_discarded() || !r.value("ok", false)) {
      *problem = "profile.history failed: " + (r.is_discarded() ? std::string("no reply") : r.dump());
      return std::nullopt;
    }
    const auto& res = r["result"];
    const nlohmann::json* entries = res.is_array() ? &res : (res.contains("entries") ? &res["entries"] : nullptr);
    if (entries == nullptr || !entries->is_array()) {
      *problem = "profile.history has no entries: " + r.dump().substr(0, 300);
      return std::nullopt;
    }
    if (entries->empty()) break;
    int64_t lowest = before;
    for (const auto& e : *entries) {
      int64_t rev = e.value("revision", int64_t{-1});
      out[rev] = e.contains("changes") ? e["changes"].dump() : e.dump();
      if (lowest == 0 || rev < lowest) lowest = rev;
    }
    if (lowest <= 1) break;
    before = lowest;
  }
  return out;
}

// `oneself verify`: exit status 0 when the journal and the store agree.
// `oneself verify` passes (see VerifyReportPasses for what Wine cannot show).
inline bool Verify(const std::string& binary, const std::vector<std::string>& env, std::string* out) {
  auto r = RunCommand(binary, {"verify", "--json"}, env);
  *out = r.out;
  return VerifyReportPasses(r);
}

}  // namespace hardening
