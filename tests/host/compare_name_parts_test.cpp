// The two inputs of a split name form (LinkedIn's Edit intro): firstName and
// lastName against the canonical given and family names and LinkedIn's limits
// (20 and 40), quiet where the whole name's warning already speaks, and the
// canonical split carried on name warnings for "Use canonical".
#include <catch2/catch.hpp>

#include "compare_fixture.h"

using namespace compare_test;

namespace {

// Ada's profile with another name.
oneself::store::Snapshot Named(const json& name) {
  auto snap = AdaSnapshot();
  snap.doc["profile"]["name"] = name;
  return snap;
}

json EditCheck(const oneself::store::Snapshot& snap, const json& fields) {
  return RunCheck(snap, "linkedin", fields, "edit");
}

}  // namespace

TEST_CASE("name parts: matching inputs are quiet", "[compare][name-parts]") {
  const json r = EditCheck(AdaSnapshot(), {{"name", "Ada Whitfield"}, {"firstName", "Ada"}, {"lastName", "Whitfield"}});
  CHECK(r["warnings"].empty());
  CHECK(r["checked"] == json::array({"name", "firstName", "lastName"}));
  // A middle initial beside the given name does not count, as for the whole name.
  CHECK(EditCheck(AdaSnapshot(), {{"firstName", "Ada J."}, {"lastName", "Whitfield"}})["warnings"].empty());
}

TEST_CASE("name parts: an input over LinkedIn's limit is too_long with the site's count", "[compare][name-parts]") {
  const std::string typed = "Adaaaaaaaaaaaaaaaaaaaaa";  // 23 characters
  const json r = EditCheck(AdaSnapshot(), {{"firstName", typed}});
  const auto ws = WarningsFor(r, "firstName");
  REQUIRE_FALSE(ws.empty());
  CHECK(ws[0]["code"] == "too_long");
  CHECK(ws[0]["severity"] == "warning");
  CHECK(ws[0]["limit"] == 20);
  CHECK(ws[0]["observed"] == typed);
  CHECK(ws[0]["message"] == "First name is 23 characters; LinkedIn allows 20.");
  // 41 characters and not "Whitfield": too_long and differs; 40 is within the limit.
  const auto last = WarningsFor(EditCheck(AdaSnapshot(), {{"lastName", "Whitfield" + std::string(32, 'e')}}), "lastName");
  REQUIRE(last.size() == 2);
  CHECK(last[0]["message"] == "Last name is 41 characters; LinkedIn allows 40.");
  CHECK(last[1]["code"] == "differs");
  const auto forty = WarningsFor(EditCheck(AdaSnapshot(), {{"lastName", std::string(40, 'W')}}), "lastName");
  REQUIRE(forty.size() == 1);
  CHECK(forty[0]["code"] == "differs");
  // Other sites have no such limit.
  for (const json& w : WarningsFor(RunCheck(AdaSnapshot(), "google", {{"firstName", typed}}, "edit"), "firstName")) {
    CHECK(w["code"] != "too_long");
  }
}

TEST_CASE("name parts: a canonical given or family name that cannot fit", "[compare][name-parts]") {
  const auto snap = Named({{"full", "Maximiliana-Alexandrina Whitfield"},
                           {"given", "Maximiliana-Alexandrina"},  // 23 characters
                           {"family", "Whitfield"}});
  json r = EditCheck(snap, {{"firstName", "Maximiliana"}, {"lastName", "Whitfield"}});
  const json w = OneWarning(r, "firstName");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "too_long");
  CHECK(w["limit"] == 20);
  CHECK(w["canonical"] == "Maximiliana-Alexandrina");
  CHECK(w["message"] == "Your canonical first name is 23 characters; LinkedIn allows 20.");
  CHECK_FALSE(w.contains("suggestion"));  // writing it would be cut at the limit
  // Another first name altogether still differs.
  r = EditCheck(snap, {{"firstName", "Grace"}});
  const auto ws = WarningsFor(r, "firstName");
  REQUIRE(ws.size() == 2);
  CHECK(ws[0]["code"] == "too_long");
  CHECK(ws[1]["code"] == "differs");
  CHECK(ws[1]["severity"] == "error");
}

TEST_CASE("name parts: given and family swapped between the inputs", "[compare][name-parts]") {
  // The whole name's rule forgives the order; the form's inputs do not.
  const json r = EditCheck(AdaSnapshot(), {{"name", "Whitfield Ada"}, {"firstName", "Whitfield"}, {"lastName", "Ada"}});
  CHECK(WarningsFor(r, "name").empty());
  const json first = OneWarning(r, "firstName");
  REQUIRE(first.is_object());
  CHECK(first["severity"] == "error");
  CHECK(first["code"] == "differs");
  CHECK(first["message"] == "First name holds your canonical family name; your canonical given name is \"Ada\".");
  CHECK(first["suggestion"] == "Ada");
  const json last = OneWarning(r, "lastName");
  REQUIRE(last.is_object());
  CHECK(last["message"] == "Last name holds your canonical given name; your canonical family name is \"Whitfield\".");
  CHECK(last["suggestion"] == "Whitfield");
}

TEST_CASE("name parts: a family name of several words split wrongly", "[compare][name-parts]") {
  const auto snap = Named({{"full", "Ada de la Cruz"}, {"given", "Ada"}, {"family", "de la Cruz"}});
  const json r = EditCheck(snap, {{"name", "Ada de la Cruz"}, {"firstName", "Ada de la"}, {"lastName", "Cruz"}});
  CHECK(WarningsFor(r, "name").empty());
  const json first = OneWarning(r, "firstName");
  REQUIRE(first.is_object());
  CHECK(first["message"] == "First name differs from your canonical given name, \"Ada\".");
  const json last = OneWarning(r, "lastName");
  REQUIRE(last.is_object());
  CHECK(last["canonical"] == "de la Cruz");
  CHECK(last["message"] == "Last name differs from your canonical family name, \"de la Cruz\".");
}

TEST_CASE("name parts: quiet where the whole name already warns", "[compare][name-parts]") {
  const json r = EditCheck(AdaSnapshot(), {{"name", "Augusta King"}, {"firstName", "Augusta"}, {"lastName", "King"}});
  const auto names = WarningsFor(r, "name");
  REQUIRE(names.size() == 1);
  CHECK(names[0]["code"] == "differs");
  CHECK(WarningsFor(r, "firstName").empty());
  CHECK(WarningsFor(r, "lastName").empty());
  // Sent alone, the parts speak for themselves.
  const json alone = EditCheck(AdaSnapshot(), {{"firstName", "Augusta"}, {"lastName", "King"}});
  CHECK(OneWarning(alone, "firstName")["message"] == "First name differs from your canonical given name, \"Ada\".");
  CHECK(OneWarning(alone, "lastName")["code"] == "differs");
}

TEST_CASE("name parts: case, nickname, decoration and empty inputs", "[compare][name-parts]") {
  json w = OneWarning(EditCheck(AdaSnapshot(), {{"firstName", "ADA"}}), "firstName");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
  CHECK(w["message"] == "First name differs from your canonical given name only in letter case or accents.");
  w = OneWarning(EditCheck(AdaSnapshot(), {{"firstName", "Addie"}}), "firstName");
  REQUIRE(w.is_object());
  CHECK(w["severity"] == "info");
  CHECK(w["message"] == "First name uses a nickname instead of your given name.");
  w = OneWarning(EditCheck(AdaSnapshot(), {{"lastName", "Whitfield, PhD"}}), "lastName");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "extra");
  CHECK(w["severity"] == "info");
  w = OneWarning(EditCheck(AdaSnapshot(), {{"lastName", ""}}), "lastName");
  REQUIRE(w.is_object());
  CHECK(w["code"] == "missing");
  CHECK(w["message"] == "Last name is empty here; your canonical family name is \"Whitfield\".");
}

TEST_CASE("name parts: name warnings carry the canonical split for a two-input form", "[compare][name-parts]") {
  const auto snap = Named({{"full", "Ada Mary de la Cruz"}, {"given", "Ada Mary"}, {"family", "de la Cruz"}});
  json r = EditCheck(snap, {{"name", "Augusta King"}, {"firstName", "Augusta"}, {"lastName", "King"}});
  json w = OneWarning(r, "name");
  REQUIRE(w.is_object());
  CHECK(w["canonicalParts"] == json({{"firstName", "Ada Mary"}, {"lastName", "de la Cruz"}}));
  // A view page's single name has no inputs to fill: no split.
  w = OneWarning(RunCheck(snap, "linkedin", {{"name", "Augusta King"}}), "name");
  REQUIRE(w.is_object());
  CHECK_FALSE(w.contains("canonicalParts"));
  // A profile with only a full name is split at its last space.
  r = EditCheck(Named({{"full", "Ada Mary Whitfield"}}), {{"name", "Augusta King"}, {"firstName", "Augusta"}});
  CHECK(OneWarning(r, "name")["canonicalParts"] == json({{"firstName", "Ada Mary"}, {"lastName", "Whitfield"}}));
  // The site's name override is the canonical name there.
  auto overridden = AdaSnapshot();
  overridden.doc["sites"]["linkedin"]["overrides"]["name"] = "Ada Lovelace";
  r = EditCheck(overridden, {{"name", "Augusta King"}, {"firstName", "Augusta"}, {"lastName", "King"}});
  CHECK(OneWarning(r, "name")["canonicalParts"] == json({{"firstName", "Ada"}, {"lastName", "Lovelace"}}));
}

TEST_CASE("name parts: policy, ignores and the field's type", "[compare][name-parts]") {
  auto personal = Patched({{"sites", {{"linkedin", {{"policy", "personal"}}}}}});
  CHECK(EditCheck(personal, {{"firstName", "Augusta"}, {"headline", "x"}})["checked"] == json::array({"firstName"}));
  auto ignoring = Patched({{"sites", {{"linkedin", {{"ignores", json::array({{{"field", "firstName"}, {"observed", "Augusta"}}})}}}}}});
  CHECK(WarningsFor(EditCheck(ignoring, {{"firstName", "Augusta"}}), "firstName").empty());
  CHECK(WarningsFor(EditCheck(ignoring, {{"firstName", "Augustine"}}), "firstName").size() == 1);
  json req = {{"type", "check"}, {"site", "linkedin"}, {"fields", {{"firstName", 3}}}};
  auto bad = oneself::compare::Check(AdaSnapshot(), req);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("fields.firstName") != std::string::npos);
}
