// Fuzz target: the comparison engine's Check on arbitrary fields. The input
// is parsed as JSON and used as the `fields` of a check against a realistic
// canonical profile (or, when it is not a JSON object, used as the text of
// every string field). Oracle: Check returns a result or a bad_request /
// not_found, never throws, and its result serializes.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "compare/engine.h"
#include "store/store.h"

using nlohmann::json;
using namespace oneself;

namespace {

const store::Snapshot& Canonical() {
  static const store::Snapshot snap = [] {
    store::Snapshot s;
    s.revision = 7;
    s.updated = "2026-11-25T10:00:00Z";
    s.doc = json::parse(R"({
      "profile": {
        "name": {"full": "Ada Whitfield", "given": "Ada", "family": "Whitfield", "nicknames": ["Addie"]},
        "headline": "Staff Software Engineer at Lumen Labs",
        "bio": {"short": "Staff engineer at Lumen Labs.", "about": "I build data infrastructure that stays fast and correct."},
        "website": "https://ada.example.com",
        "links": [{"label": "Blog", "url": "https://ada.example.com/blog"}],
        "location": {"display": "Boston, MA", "city": "Boston", "region": "MA", "countryCode": "US"},
        "photo": {"sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "phash": "c3a5f0f00f0fa5c3"},
        "work": [{"employer": "Lumen Labs", "title": "Staff Software Engineer", "start": "2021-03", "end": null},
                 {"employer": "Northwind Analytics Inc", "title": "Senior Engineer", "start": "2015-06", "end": "2021-02"}]
      },
      "sites": {"x": {"policy": "personal", "overrides": {"bio": "Short bio for X"},
                      "ignores": [{"field": "headline", "observed": "Engineer", "at": "2026-11-25T10:00:00Z"}]}},
      "previous": {"headline": [{"value": "Senior Engineer at Lumen Labs", "until": "2026-03-14T09:00:00Z"}]}
    })");
    return s;
  }();
  return snap;
}

const char* kSites[] = {"linkedin", "x", "github", "facebook", "mastodon", "bluesky", "instagram", "google"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* site = kSites[data[0] % 8];
  const char* mode = (data[0] & 0x80) ? "edit" : "view";
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  json fields = json::parse(text, nullptr, false);
  if (!fields.is_object()) {
    // Only valid UTF-8 reaches the engine: the protocol refuses the rest.
    try {
      (void)json(text).dump();
    } catch (const json::exception&) {
      return 0;
    }
    fields = {{"name", text}, {"headline", text}, {"bio", text}, {"location", text},
              {"website", text}, {"employer", text}, {"title", text},
              {"links", {{{"label", text}, {"url", text}}}},
              {"experience", {{{"title", text}, {"company", text}, {"start", text}}}}};
  }
  json request = {{"type", "check"}, {"site", site}, {"mode", mode}, {"fields", fields}};
  Result<json> r = compare::Check(Canonical(), request);
  if (r.ok()) {
    if (!r->contains("warnings") || !(*r)["warnings"].is_array()) __builtin_trap();
    (void)r->dump(-1, ' ', false, json::error_handler_t::replace);
  } else if (r.status().code() != Code::kBadRequest && r.status().code() != Code::kNotFound) {
    __builtin_trap();
  }
  return 0;
}
