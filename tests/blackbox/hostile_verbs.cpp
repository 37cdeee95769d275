// Every field of every verb given the wrong type: a bad_request
// that names the field, nothing written (observations included), the host
// still answering.
#include <set>
#include <sstream>
#include <string_view>

#include "commands/command.h"
#include "compare/checked_fields.h"
#include "hostile_fixture.h"

using hostile::ExpectError;
using hostile::Fixture;
using hostile::Observations;
using nlohmann::json;

namespace {

// Values of every JSON kind; each field is tried with the ones it is not.
// kAny is a field that takes a value of any kind (an observed value).
enum Kind { kString, kInt, kBool, kObject, kArray, kAny };

// Whether null is a wrong value too. An optional request field takes null as
// left out (commands/fields.h), and a merge patch's null removes the key
// (profile.update): for those null is a right value, not sent here (the
// control test checks that the host takes it so).
enum Null { kNullWrong, kNullAbsent, kNullRemoves };

std::vector<json> WrongFor(Kind kind, Null null) {
  std::vector<json> out;
  if (kind != kAny) {
    if (kind != kString) out.insert(out.end(), {json("text"), json("")});
    if (kind != kInt) out.insert(out.end(), {json(7), json(1.5)});
    if (kind == kInt) out.insert(out.end(), {json("7"), json(1.5), json(-3), json(1e300)});
    if (kind != kObject) out.insert(out.end(), {json::object(), json{{"a", 1}}});
    if (kind != kArray) out.insert(out.end(), {json::array(), json{1, 2}});
    if (kind != kBool) out.push_back(json(true));
  }
  if (null == kNullWrong) out.push_back(json(nullptr));
  return out;
}

// One step of a path into a request: an object's key, or an array's index.
// Implicit, so that a path reads as a list: {"profile", "links", 0, "url"}.
struct Step {
  Step(const char* k) : key(k) {}
  Step(std::string_view k) : key(k) {}
  Step(int i) : index(i) {}
  bool IsIndex() const { return index >= 0; }
  std::string key;
  int index = -1;
};

struct FieldCase {
  const char* verb;
  std::vector<Step> path;  // where the wrong value goes inside the request
  Kind kind;
  Null null;
  json over = nullptr;          // merge-patched onto the verb's base request first
  const char* named = nullptr;  // what the message names, when not the whole path
};

const std::string kResume =
    R"({"basics": {"name": "Ada Whitfield", "label": "Staff Software Engineer at Lumen Labs"}})";
const std::string kProfileCsv =
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline\r\n"
    "Ada,Whitfield,,,,Staff Software Engineer at Lumen Labs\r\n";
// The two other shapes of an import: LinkedIn CSVs as one text or as files.
const json kCsvContent = {{"format", "linkedin-csv"}, {"content", kProfileCsv}};
const json kCsvFiles = {{"format", "linkedin-csv"}, {"content", nullptr}, {"files", {{"Profile.csv", kProfileCsv}}}};

// A valid request of each verb: with one wrong value put in, that value is
// its only fault (the control test below sends them as they are).
json Base(const FieldCase& c, int64_t rev) {
  const std::string verb = c.verb;
  json base = {{"type", verb}};
  if (verb == "hello") base["protocol"] = 1;
  if (verb == "profile.update") base.update({{"baseRevision", rev}, {"profile", json::object()}});
  if (verb == "profile.revert") base.update({{"revision", rev}, {"baseRevision", rev}});
  if (verb == "import") base.update({{"baseRevision", rev}, {"format", "jsonresume"}, {"content", kResume}});
  if (verb == "check") base.update({{"site", "linkedin"}, {"mode", "view"}, {"fields", json::object()}});
  if (verb == "bio.get") base["site"] = "x";
  if (verb == "photo.set") base["gray"] = std::vector<int>(1024, 128);
  if (verb == "ignore.add" || verb == "ignore.remove")
    base.update({{"site", "x"}, {"field", "headline"}, {"observed", "something"}});
  if (c.over.is_object()) base.merge_patch(c.over);
  return base;
}

// A valid element of each array a path reaches into.
json ValidItem(const std::string& array) {
  if (array == "nicknames") return "Ada";
  if (array == "links") return {{"label", "Blog"}, {"url", "https://ada.example"}};
  if (array == "profiles") return {{"network", "GitHub"}, {"username", "ada"}, {"url", "https://github.com/ada"}};
  if (array == "work")
    return {{"employer", "Lumen Labs"}, {"title", "Staff Software Engineer"}, {"start", "2021-03"}, {"end", "2024"}};
  if (array == "experience")
    return {{"title", "Staff Software Engineer"}, {"company", "Lumen Labs"}, {"start", "2021"}, {"end", nullptr}};
  if (array == "ignores") return {{"field", "headline"}, {"observed", "Engineer"}, {"at", "2026-11-25T10:00:00Z"}};
  FAIL("no valid item for array " << array);
  return nullptr;
}

// The value at `path`, making the objects and arrays on the way; an index
// past an array's end fills the gap with valid elements.
json& At(json& req, const std::vector<Step>& path) {
  json* at = &req;
  for (size_t i = 0; i < path.size(); ++i) {
    const Step& step = path[i];
    if (step.IsIndex()) {
      if (!at->is_array()) *at = json::array();
      while (at->size() <= static_cast<size_t>(step.index)) at->push_back(ValidItem(path.at(i - 1).key));
      at = &(*at)[step.index];
    } else {
      if (!at->is_object()) *at = json::object();
      at = &(*at)[step.key];
    }
  }
  return *at;
}

void Put(json& req, const std::vector<Step>& path, const json& value) { At(req, path) = value; }

// The field left out (an object's key).
void Remove(json& req, const std::vector<Step>& path) {
  At(req, {path.begin(), path.end() - 1}).erase(path.back().key);
}

// The field as the request spells it: "profile.links[1].label".
std::string Shown(const std::vector<Step>& path) {
  std::ostringstream out;
  for (const Step& s : path) {
    if (s.IsIndex()) out << '[' << s.index << ']';
    else out << (out.tellp() > 0 ? "." : "") << s.key;
  }
  return out.str();
}

// What the error message must name: the field's whole path, unless told.
std::string Named(const FieldCase& c) { return c.named ? c.named : Shown(c.path); }

const std::vector<FieldCase>& Cases() {
  static const std::vector<FieldCase> cases = [] {
    std::vector<FieldCase> v = {
        {"hello", {"protocol"}, kInt, kNullWrong},

        {"profile.update", {"baseRevision"}, kInt, kNullWrong},
        {"profile.update", {"profile"}, kObject, kNullAbsent},
        {"profile.update", {"sites"}, kObject, kNullAbsent},
        {"profile.update", {"profile", "headline"}, kString, kNullRemoves},
        {"profile.update", {"profile", "email"}, kString, kNullRemoves},
        {"profile.update", {"profile", "website"}, kString, kNullRemoves},
        {"profile.update", {"profile", "name"}, kObject, kNullRemoves},
        {"profile.update", {"profile", "name", "full"}, kString, kNullRemoves},
        {"profile.update", {"profile", "name", "given"}, kString, kNullRemoves},
        {"profile.update", {"profile", "name", "family"}, kString, kNullRemoves},
        {"profile.update", {"profile", "name", "nicknames"}, kArray, kNullRemoves},
        // Arrays are replaced whole: a null in one is stored, not a removal.
        {"profile.update", {"profile", "name", "nicknames", 1}, kString, kNullWrong},
        {"profile.update", {"profile", "bio"}, kObject, kNullRemoves},
        {"profile.update", {"profile", "location"}, kObject, kNullRemoves},
        {"profile.update", {"profile", "photo"}, kObject, kNullRemoves},
        {"profile.update", {"profile", "photo", "sha256"}, kString, kNullRemoves},
        {"profile.update", {"profile", "photo", "phash"}, kString, kNullRemoves},
        {"profile.update", {"profile", "links"}, kArray, kNullRemoves},
        {"profile.update", {"profile", "links", 0}, kObject, kNullWrong},
        {"profile.update", {"profile", "links", 1, "label"}, kString, kNullWrong},
        {"profile.update", {"profile", "links", 0, "url"}, kString, kNullWrong},
        {"profile.update", {"profile", "profiles"}, kArray, kNullRemoves},
        {"profile.update", {"profile", "profiles", 0}, kObject, kNullWrong},
        {"profile.update", {"profile", "profiles", 0, "network"}, kString, kNullWrong},
        {"profile.update", {"profile", "profiles", 0, "username"}, kString, kNullWrong},
        {"profile.update", {"profile", "profiles", 0, "url"}, kString, kNullWrong},
        {"profile.update", {"profile", "work"}, kArray, kNullRemoves},
        {"profile.update", {"profile", "work", 0}, kObject, kNullWrong},
        {"profile.update", {"profile", "work", 0, "employer"}, kString, kNullWrong},
        {"profile.update", {"profile", "work", 0, "title"}, kString, kNullWrong},
        {"profile.update", {"profile", "work", 0, "start"}, kString, kNullWrong},
        {"profile.update", {"profile", "work", 0, "end"}, kString, kNullAbsent},  // null: current
        {"profile.update", {"sites", "x"}, kObject, kNullRemoves},
        {"profile.update", {"sites", "x", "policy"}, kString, kNullRemoves},
        {"profile.update", {"sites", "x", "overrides"}, kObject, kNullRemoves},
        {"profile.update", {"sites", "x", "ignores"}, kArray, kNullRemoves},
        {"profile.update", {"sites", "x", "ignores", 0}, kObject, kNullWrong},
        {"profile.update", {"sites", "x", "ignores", 0, "field"}, kString, kNullWrong},
        {"profile.update", {"sites", "x", "ignores", 0, "at"}, kString, kNullWrong},
        // What a site showed may be of any kind (a list of links): only null is wrong.
        {"profile.update", {"sites", "x", "ignores", 0, "observed"}, kAny, kNullWrong},

        {"profile.revert", {"revision"}, kInt, kNullWrong},
        {"profile.revert", {"baseRevision"}, kInt, kNullWrong},
        {"profile.history", {"before"}, kInt, kNullAbsent},
        {"profile.history", {"limit"}, kInt, kNullAbsent},

        {"import", {"baseRevision"}, kInt, kNullWrong},
        {"import", {"format"}, kString, kNullWrong},
        {"import", {"content"}, kString, kNullWrong},
        {"import", {"content"}, kString, kNullWrong, kCsvContent},
        // A null `files` is left out, and then `content` is looked for.
        {"import", {"files"}, kObject, kNullAbsent, kCsvFiles},
        {"import", {"files", "Profile.csv"}, kString, kNullWrong, kCsvFiles},
        {"import", {"skipUnknown"}, kBool, kNullAbsent, kCsvFiles},

        {"check", {"site"}, kString, kNullWrong},
        {"check", {"mode"}, kString, kNullAbsent},
        {"check", {"url"}, kString, kNullAbsent},
        {"check", {"fields"}, kObject, kNullWrong},
        // An element's fault is told as the array's, with the element's shape.
        {"check", {"fields", "links", 0}, kObject, kNullWrong, nullptr, "fields.links"},
        {"check", {"fields", "links", 0, "label"}, kString, kNullAbsent, nullptr, "fields.links"},
        {"check", {"fields", "links", 0, "url"}, kString, kNullWrong, nullptr, "fields.links"},
        {"check", {"fields", "experience", 0}, kObject, kNullWrong, nullptr, "fields.experience"},
        {"check", {"fields", "experience", 0, "title"}, kString, kNullWrong, nullptr, "fields.experience"},
        {"check", {"fields", "experience", 0, "company"}, kString, kNullWrong, nullptr, "fields.experience"},
        {"check", {"fields", "experience", 0, "start"}, kString, kNullAbsent, nullptr, "fields.experience"},
        // null: a current position
        {"check", {"fields", "experience", 0, "end"}, kString, kNullAbsent, nullptr, "fields.experience"},
        {"check", {"fields", "photo", "phash"}, kString, kNullWrong},
        {"check", {"fields", "photo", "gray"}, kArray, kNullWrong},

        {"bio.get", {"site"}, kString, kNullWrong},
        {"photo.set", {"gray"}, kArray, kNullWrong},
        {"photo.set", {"sha256"}, kString, kNullAbsent},
        {"ignore.add", {"site"}, kString, kNullWrong},
        {"ignore.add", {"field"}, kString, kNullWrong},
        {"ignore.add", {"observed"}, kAny, kNullWrong},
        {"ignore.remove", {"site"}, kString, kNullWrong},
        {"ignore.remove", {"field"}, kString, kNullWrong},
        {"ignore.remove", {"observed"}, kAny, kNullWrong},
    };
    for (const char* key : {"short", "medium", "long", "about"})
      v.push_back({"profile.update", {"profile", "bio", key}, kString, kNullRemoves});
    for (const char* key : {"display", "city", "region", "countryCode"})
      v.push_back({"profile.update", {"profile", "location", key}, kString, kNullRemoves});
    // The fields a site's override can replace (store/document.cpp), each a string.
    for (const char* key : {"name", "headline", "bio", "location", "website", "employer", "title"})
      v.push_back({"profile.update", {"sites", "x", "overrides", key}, kString, kNullRemoves});
    // Every field `check` compares: a null is not a field left out.
    for (std::string_view field : oneself::compare::kCheckedFields) {
      Kind kind = field == "links" || field == "experience" ? kArray : field == "photo" ? kObject : kString;
      v.push_back({"check", {"fields", field}, kind, kNullWrong});
    }
    return v;
  }();
  return cases;
}

// Verbs that read nothing of the request but its type.
const std::set<std::string> kNoFields = {"profile.get", "export", "sites.status"};

}  // namespace

TEST_CASE("hostile: every verb is in the wrong-type table", "[hostile]") {
  std::set<std::string> known, covered;
  for (std::string_view verb : oneself::commands::AllVerbs()) known.insert(std::string(verb));
  for (const FieldCase& c : Cases()) covered.insert(c.verb);
  for (const std::string& verb : known) {
    INFO("verb " << verb << ": add its fields to Cases(), or to kNoFields if it reads none");
    CHECK(covered.count(verb) + kNoFields.count(verb) == 1);
  }
  for (const std::string& verb : covered) {
    INFO("Cases() names a verb the host does not have: " << verb);
    CHECK(known.count(verb) == 1);
  }
}

TEST_CASE("hostile: every field of every verb with the wrong type", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  int id = 1000;
  for (const FieldCase& c : Cases()) {
    REQUIRE_FALSE(WrongFor(c.kind, c.null).empty());
    for (const json& wrong : WrongFor(c.kind, c.null)) {
      json req = Base(c, rev);
      Put(req, c.path, wrong);
      req["id"] = ++id;
      json r = fx.host().Call(req);
      INFO(c.verb << " " << Shown(c.path) << " = " << wrong.dump() << "; request " << req.dump().substr(0, 300));
      REQUIRE_FALSE(r.is_discarded());
      CHECK(r["id"] == id);
      ExpectError(r, {"bad_request"});
      // The message names the field so that the caller can fix it.
      const std::string message = r["error"].value("message", "");
      CHECK_THAT(message, Catch::Contains(Named(c)));
      // and the key itself, also where it is told within the shape of its array
      if (!c.path.back().IsIndex()) CHECK_THAT(message, Catch::Contains(c.path.back().key));
      fx.ExpectStoreUntouched(Observations::kCompare);
      fx.ExpectStillAnswers();
    }
  }
  fx.ExpectCleanExit();
}

// The control: each request the wrong values go into is accepted as it is,
// so each refusal above is the wrong value's doing; and a null the table
// does not send is indeed a right value.
TEST_CASE("hostile: the requests of the wrong-type table are valid (control)", "[hostile]") {
  Fixture fx;
  // bio.get needs a bio to fit.
  json bio = {{"id", 3000}, {"type", "profile.update"}, {"baseRevision", hostile::Revision(fx.host())},
              {"profile", {{"bio", {{"short", "I build calm tools for busy people."}}}}}};
  REQUIRE(fx.host().Call(bio).value("ok", false));
  std::set<std::string> sent;
  int id = 3000;
  for (const FieldCase& c : Cases()) {
    if (!sent.insert(std::string(c.verb) + c.over.dump()).second) continue;
    json req = Base(c, hostile::Revision(fx.host()));
    req["id"] = ++id;
    json r = fx.host().Call(req);
    INFO("request " << req.dump().substr(0, 300) << "\nreply " << r.dump().substr(0, 300));
    CHECK(r.value("ok", false));
  }
  // Where the table calls null a right value, the host takes it so: as the
  // field left out, or as a removal that it makes.
  for (const FieldCase& c : Cases()) {
    if (c.null == kNullWrong) continue;
    json withNull = Base(c, hostile::Revision(fx.host()));
    Put(withNull, c.path, nullptr);
    withNull["id"] = ++id;
    json r = fx.host().Call(withNull);
    INFO(c.verb << " " << Shown(c.path) << " = null; reply " << r.dump().substr(0, 300));
    if (c.null == kNullRemoves) {
      CHECK(r.value("ok", false));
      continue;
    }
    json leftOut = Base(c, hostile::Revision(fx.host()));
    Remove(leftOut, c.path);
    leftOut["id"] = ++id;
    json same = fx.host().Call(leftOut);
    INFO("left out: reply " << same.dump().substr(0, 300));
    CHECK(r.value("ok", false) == same.value("ok", false));
    if (!same.value("ok", false)) CHECK(r["error"]["code"] == same["error"]["code"]);
  }
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
      {{"experience", json{{{"title", "Engineer"}, {"company", 5}}}}},
      {{"experience", json{{{"title", "Engineer"}, {"company", "Lumen"}, {"start", 2020}}}}},
      {{"experience", json{{{"title", "Engineer"}, {"company", "Lumen"}, {"end", 2024}}}}},
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
  fx.ExpectStoreUntouched(Observations::kCompare);
  fx.ExpectCleanExit();
}
