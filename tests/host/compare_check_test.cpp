// The check verb as a whole: request validation, policies, ignores, score,
// edit mode, and the per-revision cache.
#include <catch2/catch.hpp>

#include "compare_fixture.h"

using namespace compare_test;
using oneself::Code;
using oneself::compare::Check;

namespace {

oneself::Status CheckStatus(const json& request) {
  auto r = Check(AdaSnapshot(), request);
  return r.status();
}

}  // namespace

TEST_CASE("check: request validation names the bad field", "[compare][check]") {
  CHECK(CheckStatus(json::array()).code() == Code::kBadRequest);
  CHECK(CheckStatus({{"fields", json::object()}}).code() == Code::kBadRequest);  // no site
  CHECK(CheckStatus({{"site", "myspace"}, {"fields", json::object()}}).code() == Code::kNotFound);
  CHECK(CheckStatus({{"site", "x"}, {"mode", "type"}, {"fields", json::object()}}).code() == Code::kBadRequest);
  CHECK(CheckStatus({{"site", "x"}}).code() == Code::kBadRequest);
  auto bad = [](const json& fields) { return CheckStatus({{"site", "x"}, {"fields", fields}}); };
  oneself::Status s = bad({{"headline", 42}});
  CHECK(s.code() == Code::kBadRequest);
  CHECK(s.message().find("headline") != std::string::npos);
  s = bad({{"experience", "Lumen"}});
  CHECK(s.message().find("experience") != std::string::npos);
  s = bad({{"links", json::array({{{"url", 3}}})}});
  CHECK(s.message().find("links") != std::string::npos);
  s = bad({{"photo", {{"gray", json::array({1, 2, 3})}}}});
  CHECK(s.message().find("photo.gray") != std::string::npos);
  s = bad({{"photo", {{"phash", "xyz"}}}});
  CHECK(s.message().find("photo.phash") != std::string::npos);
  CHECK(bad({{"name", nullptr}}).code() == Code::kBadRequest);
  CHECK(bad({{"name", "Ada Whitfield"}}).ok());
}

TEST_CASE("check: the result shape", "[compare][check]") {
  const json r = RunCheck(AdaSnapshot(7), "linkedin",
                          {{"headline", "Principal Engineer at Lumen Labs"}, {"name", "Ada Whitfield"},
                           {"followers", 1200}, {"banner", "x"}});
  CHECK(r["revision"] == 7);
  CHECK(r["checked"] == json::array({"name", "headline"}));
  CHECK(r["ignored"] == json::array({"banner", "followers"}));
  REQUIRE(r["warnings"].size() == 1);
  const json& w = r["warnings"][0];
  for (const char* key : {"field", "severity", "code", "observed", "canonical", "message"}) {
    INFO(key);
    CHECK(w.contains(key));
  }
  CHECK(r["score"] == 90);
  // No unknown fields: no "ignored" key.
  CHECK_FALSE(RunCheck(AdaSnapshot(), "x", {{"name", "Ada Whitfield"}}).contains("ignored"));
}

TEST_CASE("check: score falls with each warning by severity", "[compare][check]") {
  CHECK(RunCheck(AdaSnapshot(), "linkedin", {{"name", "Ada Whitfield"}})["score"] == 100);
  CHECK(RunCheck(AdaSnapshot(), "linkedin", {{"name", "Ada Whitfield 🚀"}})["score"] == 98);
  CHECK(RunCheck(AdaSnapshot(), "linkedin", {{"location", "Seattle"}})["score"] == 90);
  CHECK(RunCheck(AdaSnapshot(), "linkedin", {{"name", "Grace Hopper"}})["score"] == 75);
  const json many = RunCheck(AdaSnapshot(), "linkedin",
                             {{"name", "Grace Hopper"}, {"employer", "Acme"}, {"title", "CEO"},
                              {"headline", "CEO at Acme"}, {"location", "Paris, France"}, {"website", "acme.test"}});
  CHECK(many["score"] == 0);
}

TEST_CASE("check: policies", "[compare][check]") {
  const json fields = {{"name", "Grace Hopper"}, {"headline", "CEO at Acme"}, {"location", "Seattle"}};
  auto personal = Patched({{"sites", {{"x", {{"policy", "personal"}}}}}});
  json r = RunCheck(personal, "x", fields);
  CHECK(r["checked"] == json::array({"name"}));
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["field"] == "name");
  CHECK(r["policy"] == "personal");
  auto off = Patched({{"sites", {{"x", {{"policy", "off"}}}}}});
  r = RunCheck(off, "x", fields);
  CHECK(r["warnings"].empty());
  CHECK(r["checked"].empty());
  CHECK(r["score"] == 100);
  // Other sites keep the default, professional.
  r = RunCheck(off, "github", fields);
  CHECK(r["warnings"].size() == 3);
  CHECK(r["policy"] == "professional");
}

TEST_CASE("check: an ignore silences exactly the accepted value", "[compare][check]") {
  auto snap = Patched({{"sites", {{"linkedin", {{"ignores", json::array({{{"field", "headline"},
                                                                          {"observed", "Building things at Lumen"},
                                                                          {"at", "2026-11-25T10:00:00Z"}}})}}}}}});
  CHECK(RunCheck(snap, "linkedin", {{"headline", "Building things at Lumen"}})["warnings"].empty());
  // A different value brings the warning back.
  CHECK(RunCheck(snap, "linkedin", {{"headline", "Building other things at Lumen"}})["warnings"].size() == 1);
  // The ignore is per site.
  CHECK(RunCheck(snap, "github", {{"headline", "Building things at Lumen"}})["warnings"].size() == 1);
  // And per field.
  snap.doc["sites"]["linkedin"]["ignores"][0]["field"] = "bio";
  CHECK(RunCheck(snap, "linkedin", {{"headline", "Building things at Lumen"}})["warnings"].size() == 1);
}

TEST_CASE("check: edit mode reports too_long as the user types", "[compare][check]") {
  const auto snap = AdaSnapshot();
  const std::string shortBio = snap.doc["profile"]["bio"]["short"];
  std::string typing = shortBio + " And more.";
  json r = RunCheck(snap, "x", {{"bio", typing}}, "edit");
  for (const json& w : r["warnings"]) CHECK(w["code"] != "too_long");
  typing += std::string(40, '!');
  r = RunCheck(snap, "x", {{"bio", typing}}, "edit");
  REQUIRE_FALSE(r["warnings"].empty());
  CHECK(r["warnings"][0]["code"] == "too_long");
  CHECK(r["warnings"][0]["limit"] == 160);
}

TEST_CASE("check: a new revision is never compared against a stale cache", "[compare][check]") {
  CHECK(RunCheck(AdaSnapshot(5), "x", {{"name", "Grace Hopper"}})["warnings"].size() == 1);
  // Same revision number, different document (another store): must not reuse.
  auto grace = AdaSnapshot(5);
  grace.doc["profile"]["name"] = {{"full", "Grace Hopper"}, {"given", "Grace"}, {"family", "Hopper"}};
  CHECK(RunCheck(grace, "x", {{"name", "Grace Hopper"}})["warnings"].empty());
  CHECK(RunCheck(AdaSnapshot(5), "x", {{"name", "Grace Hopper"}})["warnings"].size() == 1);
}

TEST_CASE("check: the cache trusts a snapshot's identity, and only its identity", "[compare][check]") {
  // The store's shared snapshots carry a number: the same number is the same
  // unchanged document, and the cache skips comparing it. A snapshot with
  // another number, or none, is compared in full as before.
  auto ada = AdaSnapshot(7);
  ada.identity = 4242;
  CHECK(RunCheck(ada, "x", {{"name", "Grace Hopper"}})["warnings"].size() == 1);
  auto grace = AdaSnapshot(7);
  grace.doc["profile"]["name"] = {{"full", "Grace Hopper"}, {"given", "Grace"}, {"family", "Hopper"}};
  grace.identity = 4243;
  CHECK(RunCheck(grace, "x", {{"name", "Grace Hopper"}})["warnings"].empty());
  grace.identity = 0;
  CHECK(RunCheck(ada, "x", {{"name", "Grace Hopper"}})["warnings"].size() == 1);
  CHECK(RunCheck(grace, "x", {{"name", "Grace Hopper"}})["warnings"].empty());
  // And the same number is trusted without a look: that is the saving. (The
  // store never gives one number to two documents; here a test does, to see
  // that the comparison was skipped.)
  grace.identity = 4243;
  CHECK(RunCheck(grace, "x", {{"name", "Grace Hopper"}})["warnings"].empty());
  auto forged = AdaSnapshot(7);
  forged.identity = 4243;
  CHECK(RunCheck(forged, "x", {{"name", "Grace Hopper"}})["warnings"].empty());
}

TEST_CASE("check: an empty store warns about nothing", "[compare][check]") {
  oneself::store::Snapshot empty;
  empty.doc = {{"profile", json::object()}, {"sites", json::object()}, {"previous", json::object()}};
  const json r = RunCheck(empty, "linkedin",
                          {{"name", "Ada"}, {"headline", "Anything"}, {"bio", "Text"}, {"location", "Boston"},
                           {"website", "a.example"}, {"employer", "Acme"}, {"title", "Engineer"},
                           {"experience", json::array({{{"title", "Engineer"}, {"company", "Acme"}}})},
                           {"links", json::array({{{"url", "https://a.example"}}})},
                           {"photo", {{"phash", "0123456789abcdef"}}}});
  CHECK(r["warnings"].empty());
  CHECK(r["revision"] == 0);
  CHECK(r["checked"].size() == 10);
}
