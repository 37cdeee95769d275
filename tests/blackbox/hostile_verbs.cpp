// Every field of every verb given the wrong type (issue 7): a bad_request
// that names the field, nothing written, the host still answering.
#include "hostile_fixture.h"

using hostile::ExpectError;
using hostile::Fixture;
using nlohmann::json;

namespace {

// Values of every JSON kind; each field is tried with the ones it is not.
enum Kind { kString, kInt, kObject, kArray };

std::vector<json> WrongFor(Kind kind) {
  std::vector<json> out;
  if (kind != kString) out.insert(out.end(), {json("text"), json("")});
  if (kind != kInt) out.insert(out.end(), {json(7), json(1.5)});
  if (kind == kInt) out.insert(out.end(), {json("7"), json(1.5), json(-3), json(1e300)});
  if (kind != kObject) out.insert(out.end(), {json::object(), json{{"a", 1}}});
  if (kind != kArray) out.insert(out.end(), {json::array(), json{1, 2}});
  out.push_back(json(true));
  return out;
}

struct FieldCase {
  const char* verb;
  std::vector<std::string> path;  // where the wrong value goes inside the request
  Kind kind;
};

json Base(const std::string& verb, int64_t rev) {
  if (verb == "hello") return {{"type", verb}, {"protocol", 1}};
  if (verb == "profile.update") return {{"type", verb}, {"baseRevision", rev}, {"profile", json::object()}};
  if (verb == "profile.revert") return {{"type", verb}, {"revision", 1}, {"baseRevision", rev}};
  if (verb == "profile.history") return {{"type", verb}};
  if (verb == "check")
    return {{"type", verb}, {"site", "linkedin"}, {"mode", "view"}, {"fields", json::object()}};
  if (verb == "bio.get") return {{"type", verb}, {"site", "x"}};
  if (verb == "photo.set") return {{"type", verb}, {"gray", json::array()}};
  if (verb == "ignore.add" || verb == "ignore.remove")
    return {{"type", verb}, {"site", "x"}, {"field", "headline"}, {"observed", "something"}};
  return {{"type", verb}};
}

void Put(json& req, const std::vector<std::string>& path, const json& value) {
  json* at = &req;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    if (!at->contains(path[i]) || !(*at)[path[i]].is_object()) (*at)[path[i]] = json::object();
    at = &(*at)[path[i]];
  }
  (*at)[path.back()] = value;
}

const std::vector<FieldCase>& Cases() {
  static const std::vector<FieldCase> cases = {
      {"hello", {"protocol"}, kInt},
      {"profile.update", {"baseRevision"}, kInt},
      {"profile.update", {"profile"}, kObject},
      {"profile.update", {"sites"}, kObject},
      {"profile.update", {"profile", "headline"}, kString},
      {"profile.update", {"profile", "email"}, kString},
      {"profile.update", {"profile", "website"}, kString},
      {"profile.update", {"profile", "name"}, kObject},
      {"profile.update", {"profile", "name", "full"}, kString},
      {"profile.update", {"profile", "name", "nicknames"}, kArray},
      {"profile.update", {"profile", "bio"}, kObject},
      {"profile.update", {"profile", "bio", "short"}, kString},
      {"profile.update", {"profile", "bio", "about"}, kString},
      {"profile.update", {"profile", "location"}, kObject},
      {"profile.update", {"profile", "location", "display"}, kString},
      {"profile.update", {"profile", "photo"}, kObject},
      {"profile.update", {"profile", "links"}, kArray},
      {"profile.update", {"profile", "work"}, kArray},
      {"profile.update", {"profile", "profiles"}, kArray},
      {"profile.update", {"sites", "x"}, kObject},
      {"profile.update", {"sites", "x", "policy"}, kString},
      {"profile.update", {"sites", "x", "overrides"}, kObject},
      {"profile.update", {"sites", "x", "ignores"}, kArray},
      {"profile.revert", {"revision"}, kInt},
      {"profile.revert", {"baseRevision"}, kInt},
      {"profile.history", {"before"}, kInt},
      {"profile.history", {"limit"}, kInt},
      {"check", {"site"}, kString},
      {"check", {"mode"}, kString},
      {"check", {"url"}, kString},
      {"check", {"fields"}, kObject},
      {"check", {"fields", "name"}, kString},
      {"check", {"fields", "headline"}, kString},
      {"check", {"fields", "bio"}, kString},
      {"check", {"fields", "location"}, kString},
      {"check", {"fields", "website"}, kString},
      {"check", {"fields", "employer"}, kString},
      {"check", {"fields", "title"}, kString},
      {"check", {"fields", "links"}, kArray},
      {"check", {"fields", "experience"}, kArray},
      {"check", {"fields", "photo"}, kObject},
      {"bio.get", {"site"}, kString},
      {"photo.set", {"gray"}, kArray},
      {"ignore.add", {"site"}, kString},
      {"ignore.add", {"field"}, kString},
      {"ignore.remove", {"site"}, kString},
      {"ignore.remove", {"field"}, kString},
  };
  return cases;
}

}  // namespace

TEST_CASE("hostile: every field of every verb with the wrong type", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  int id = 1000;
  for (const FieldCase& c : Cases()) {
    for (const json& wrong : WrongFor(c.kind)) {
      // An empty object is a valid (empty) merge patch; only `profile` and
      // `sites` of profile.update take it as their right type.
      json req = Base(c.verb, rev);
      Put(req, c.path, wrong);
      req["id"] = ++id;
      json r = fx.host().Call(req);
      INFO("request " << req.dump().substr(0, 300));
      REQUIRE_FALSE(r.is_discarded());
      CHECK(r["id"] == id);
      ExpectError(r, {"bad_request"});
      // The message names the field so that the caller can fix it.
      CHECK(r["error"].value("message", "").find(c.path.back()) != std::string::npos);
    }
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: malformed nested check values", "[hostile]") {
  Fixture fx;
  std::vector<json> gray300(1024, 300), grayShort(1023, 10), grayText(1024, "a");
  const json fields[] = {
      {{"links", json{"not an object"}}},
      {{"links", json{{{"label", 5}, {"url", "https://a.example"}}}}},
      {{"links", json{{{"label", "Blog"}, {"url", json::array()}}}}},
      {{"experience", json{"x"}}},
      {{"experience", json{{{"title", 5}, {"company", "Lumen Labs"}}}}},
      {{"experience", json{{{"title", "Engineer"}, {"company", "Lumen"}, {"start", 2020}}}}},
      {{"photo", {{"gray", "not pixels"}}}},
      {{"photo", {{"gray", grayShort}}}},
      {{"photo", {{"gray", gray300}}}},
      {{"photo", {{"gray", grayText}}}},
      {{"photo", {{"phash", "zzzzzzzzzzzzzzzz"}}}},
      {{"photo", {{"phash", 5}}}},
      {{"photo", json::object()}},
  };
  int id = 2000;
  for (const json& f : fields) {
    json r = fx.host().Call({{"id", ++id}, {"type", "check"}, {"site", "linkedin"}, {"fields", f}});
    INFO("fields " << f.dump().substr(0, 200));
    ExpectError(r, {"bad_request"});
  }
  // photo.set with pixels that are not a 32x32 gray image writes nothing.
  for (const json& gray : {json(grayShort), json(gray300), json(grayText)}) {
    ExpectError(fx.host().Call({{"id", ++id}, {"type", "photo.set"}, {"gray", gray}}), {"bad_request"});
  }
  // Unknown sites are not_found, not a crash; nothing is observed for them.
  ExpectError(fx.host().Call({{"id", ++id}, {"type", "check"}, {"site", "myspace"}, {"fields", json::object()}}),
              {"not_found", "bad_request"});
  ExpectError(fx.host().Call({{"id", ++id}, {"type", "bio.get"}, {"site", "../../etc/passwd"}}),
              {"not_found", "bad_request"});
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}
