// The store: loading, updating, validation, conflicts, modes, previous values.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "commands/ignore_request.h"
#include "compare/checked_fields.h"
#include "store/store.h"
#include "store/store_format.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::Code;
using oneself::Status;
using oneself::store::Source;
using oneself::store::Store;
using oneself::testing::ModeOf;
using oneself::testing::ReadAll;
using oneself::testing::TempDir;

TEST_CASE("store: a missing store loads as an empty revision 0", "[store]") {
  TempDir tmp;
  Store store(tmp.path() / "absent");
  CHECK_FALSE(store.Exists());
  auto snap = store.Load();
  REQUIRE(snap.ok());
  CHECK(snap->revision == 0);
  CHECK(snap->doc == json({{"profile", json::object()}, {"sites", json::object()}, {"previous", json::object()}}));
}

TEST_CASE("store: init creates 0700 and 0600 whatever the umask, and is idempotent", "[store]") {
  TempDir tmp;
  mode_t old = ::umask(0);
  Store store(tmp.path() / "deep" / "oneself");
  auto s = store.Init();
  REQUIRE(s.ok());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "Engineer"}}}}, Source::kCli).ok());
  REQUIRE(store.RecordObservation("x", {{"bio", "hi"}}, 1, 0).ok());
  ::umask(old);
  CHECK(ModeOf(store.dir()) == 0700);
  const std::filesystem::path device = oneself::testing::OnlyDeviceDir(store.dir());
  REQUIRE(!device.empty());
  for (const std::filesystem::path& d : std::vector<std::filesystem::path>{
           store.dir() / "devices", device, device / "observations", store.dir() / "local"})
    CHECK(ModeOf(d) == 0700);
  for (const std::filesystem::path& f : std::vector<std::filesystem::path>{
           device / "journal.jsonl", device / "observations/x.json", store.dir() / ".stignore"})
    CHECK(ModeOf(f) == 0600);
  for (const auto& e : std::filesystem::recursive_directory_iterator(store.dir() / "local"))
    CHECK(ModeOf(e.path()) == (e.is_directory() ? 0700u : 0600u));
  REQUIRE(store.Init().ok());
  CHECK(store.Load()->revision == 1);
  auto report = store.Verify();
  REQUIRE(report.ok());
  CHECK(report->problems.empty());
}

TEST_CASE("store: update merges, counts revisions and survives a reopen", "[store]") {
  TempDir tmp;
  {
    Store store(tmp.path());
    REQUIRE(store.Init().ok());
    auto r1 = store.Update(0, {{"profile", {{"name", {{"full", "Ada Whitfield"}, {"given", "Ada"}}}, {"headline", "Engineer"}}}}, Source::kCli);
    REQUIRE(r1.ok());
    CHECK(r1->revision == 1);
    CHECK_FALSE(r1->updated.empty());
    // Merge patch: nested merge, null removes, arrays replace wholly.
    auto r2 = store.Update(1, {{"profile", {{"name", {{"given", nullptr}, {"family", "Whitfield"}}},
                                            {"work", json::array({{{"employer", "Lumen"}, {"title", "Staff"}, {"start", "2021-03"}}})}}},
                               {"sites", {{"x", {{"policy", "personal"}}}}}},
                           Source::kExtension);
    REQUIRE(r2.ok());
    CHECK(r2->revision == 2);
  }
  Store reopened(tmp.path());
  auto snap = reopened.Load();
  REQUIRE(snap.ok());
  CHECK(snap->revision == 2);
  const json& p = snap->doc["profile"];
  CHECK(p["name"] == json({{"full", "Ada Whitfield"}, {"family", "Whitfield"}}));
  CHECK(p["headline"] == "Engineer");
  CHECK(p["work"][0]["employer"] == "Lumen");
  CHECK(snap->doc["sites"]["x"]["policy"] == "personal");
}

TEST_CASE("store: an update that changes nothing makes no revision", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "A"}}}}, Source::kCli).ok());
  auto again = store.Update(1, {{"profile", {{"headline", "A"}}}}, Source::kCli);
  REQUIRE(again.ok());
  CHECK(again->revision == 1);
}

TEST_CASE("store: a stale baseRevision is a conflict and writes nothing", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "A"}}}}, Source::kCli).ok());
  std::string journal = ReadAll(tmp.path() / "journal.jsonl");
  std::string profile = ReadAll(tmp.path() / "profile.json");
  auto stale = store.Update(0, {{"profile", {{"headline", "B"}}}}, Source::kExtension);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().code() == Code::kConflict);
  CHECK(ReadAll(tmp.path() / "journal.jsonl") == journal);
  CHECK(ReadAll(tmp.path() / "profile.json") == profile);
  auto ahead = store.Update(7, {{"profile", {{"headline", "B"}}}}, Source::kExtension);
  CHECK(ahead.status().code() == Code::kConflict);
  CHECK(store.Load()->doc["profile"]["headline"] == "A");
}

TEST_CASE("store: wrong types are refused naming the field, nothing written", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  struct Case {
    json patch;
    std::string field;
  };
  const Case cases[] = {
      {{{"profile", {{"headline", 42}}}}, "profile.headline"},
      {{{"profile", {{"name", "Ada"}}}}, "profile.name"},
      {{{"profile", {{"name", {{"nicknames", {"A", 1}}}}}}}, "profile.name.nicknames[1]"},
      {{{"profile", {{"bio", {{"tiny", "x"}}}}}}, "profile.bio.tiny"},
      {{{"profile", {{"work", {{{"employer", "L"}, {"start", "March 2020"}}}}}}}, "profile.work[0].start"},
      {{{"profile", {{"work", {{{"employer", "L"}, {"start", "2020-13"}}}}}}}, "profile.work[0].start"},
      {{{"profile", {{"photo", {{"phash", "xyz"}}}}}}, "profile.photo.phash"},
      {{{"profile", {{"links", {{{"label", "Blog"}, {"url", 3}}}}}}}, "profile.links[0].url"},
      {{{"profile", {{"favourite", "blue"}}}}, "profile.favourite"},
      {{{"profile", {{"headline", std::string(20000, 'a')}}}}, "profile.headline"},
      {{{"sites", {{"myspace", {{"policy", "off"}}}}}}, "sites.myspace"},
      {{{"sites", {{"x", {{"policy", "sometimes"}}}}}}, "sites.x.policy"},
      {{{"sites", {{"x", {{"ignores", {{{"field", "bio"}}}}}}}}}, "sites.x.ignores[0]"},
      {{{"sites", {{"x", {{"overrides", {{"boi", "A typo"}}}}}}}}, "sites.x.overrides.boi"},
      {{{"sites", {{"x", {{"overrides", {{"links", json::array()}}}}}}}}, "sites.x.overrides.links"},
      {{{"sites", {{"x", {{"overrides", {{"bio", 160}}}}}}}}, "sites.x.overrides.bio"},
      {{{"previous", {{"headline", json::array()}}}}, "previous"},
      {{{"profile", "not an object"}}, "profile"},
  };
  for (const auto& c : cases) {
    INFO(c.patch.dump());
    auto r = store.Update(0, c.patch, Source::kCli);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kBadRequest);
    CHECK(r.status().message().find(c.field) != std::string::npos);
  }
  CHECK(store.Load()->revision == 0);
  CHECK(store.History(0, 10)->empty());
}

TEST_CASE("store: an override stored before overrides were checked does not refuse later updates", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  // Every field whose rule reads an override can have one.
  json overrides = json::object();
  for (const char* field : {"name", "headline", "bio", "location", "website", "employer", "title"}) {
    overrides[field] = std::string("for X: ") + field;
  }
  auto set = store.Update(0, {{"sites", {{"x", {{"overrides", overrides}}}}}}, Source::kCli);
  REQUIRE(set.ok());
  // An unknown key written straight into the document (as an older version
  // could store it) stays, and other updates still succeed.
  auto legacy = store.Apply([](json& doc) {
    doc["sites"]["x"]["overrides"]["boi"] = "A typo";
    return Status::Ok();
  }, Source::kCli);
  REQUIRE(legacy.ok());
  auto later = store.Update(legacy->revision, {{"profile", {{"headline", "Staff Engineer"}}}}, Source::kCli);
  REQUIRE(later.ok());
  // The site's settings sent back whole, as the options page does, pass too;
  // a new value for that key does not.
  json sent = later->doc["sites"];
  sent["x"]["policy"] = "personal";
  auto whole = store.Update(later->revision, {{"sites", sent}}, Source::kCli);
  REQUIRE(whole.ok());
  later = whole;
  CHECK_FALSE(store.Update(later->revision, {{"sites", {{"x", {{"overrides", {{"boi", "Another typo"}}}}}}}},
                           Source::kCli).ok());
  // Removing it is allowed.
  auto removed = store.Update(later->revision, {{"sites", {{"x", {{"overrides", {{"boi", nullptr}}}}}}}}, Source::kCli);
  REQUIRE(removed.ok());
  CHECK_FALSE(removed->doc["sites"]["x"]["overrides"].contains("boi"));
}

TEST_CASE("store: previous keeps earlier values newest first, and drops a value current again", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "Senior Engineer"},
                                        {"bio", {{"short", "s1"}, {"about", "a1"}}},
                                        {"work", {{{"employer", "Old Co"}, {"title", "Dev"}, {"start", "2018"}}}}}}},
                       Source::kCli).ok());
  REQUIRE(store.Update(1, {{"profile", {{"headline", "Staff Engineer"}, {"bio", {{"short", "s2"}}},
                                        {"work", {{{"employer", "New Co"}, {"title", "Staff"}, {"start", "2021"}},
                                                  {{"employer", "Old Co"}, {"title", "Dev"}, {"start", "2018"}, {"end", "2021"}}}}}}},
                       Source::kCli).ok());
  REQUIRE(store.Update(2, {{"profile", {{"headline", "Principal Engineer"}}}}, Source::kCli).ok());
  auto snap = store.Load();
  REQUIRE(snap.ok());
  const json& prev = snap->doc["previous"];
  REQUIRE(prev["headline"].size() == 2);
  CHECK(prev["headline"][0]["value"] == "Staff Engineer");
  CHECK(prev["headline"][1]["value"] == "Senior Engineer");
  CHECK_FALSE(prev["headline"][0]["until"].get<std::string>().empty());
  CHECK(prev["bio"][0]["value"] == "s1");
  CHECK(prev["employer"][0]["value"] == "Old Co");
  CHECK(prev["title"][0]["value"] == "Dev");
  // Back to an old headline: it is current again, not "outdated".
  REQUIRE(store.Update(3, {{"profile", {{"headline", "Senior Engineer"}}}}, Source::kCli).ok());
  const json prev2 = store.Load()->doc["previous"];
  REQUIRE(prev2["headline"].size() == 2);
  CHECK(prev2["headline"][0]["value"] == "Principal Engineer");
  CHECK(prev2["headline"][1]["value"] == "Staff Engineer");
  // At most ten earlier values.
  int64_t rev = 4;
  for (int i = 0; i < 15; ++i) {
    std::string headline = "H";
    headline += std::to_string(i);  // (not "H" + ...: GCC 12 warns falsely, -Wrestrict)
    auto r = store.Update(rev, {{"profile", {{"headline", headline}}}}, Source::kCli);
    REQUIRE(r.ok());
    rev = r->revision;
  }
  CHECK(store.Load()->doc["previous"]["headline"].size() == 10);
  CHECK(store.Verify()->problems.empty());
}

TEST_CASE("store: Apply changes the latest revision without a baseRevision", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "A"}}}}, Source::kCli).ok());
  auto r = store.Apply(
      [](json& doc) {
        doc["sites"]["x"]["ignores"] = json::array({{{"field", "headline"}, {"observed", "B"}, {"at", "2026-11-25T10:00:00Z"}}});
        return oneself::Status::Ok();
      },
      Source::kExtension);
  REQUIRE(r.ok());
  CHECK(r->revision == 2);
  CHECK(r->doc["sites"]["x"]["ignores"][0]["observed"] == "B");
  auto refused = store.Apply([](json&) { return oneself::Status::NotFound("no such ignore"); }, Source::kExtension);
  CHECK(refused.status().code() == Code::kNotFound);
  auto invalid = store.Apply([](json& doc) { doc["profile"]["headline"] = 5; return oneself::Status::Ok(); }, Source::kCli);
  CHECK(invalid.status().code() == Code::kBadRequest);
  CHECK(store.Load()->revision == 2);
}

TEST_CASE("store: the directory comes from ONESELF_HOME, then XDG_DATA_HOME, then HOME", "[store]") {
  std::string saved[3];
  const char* names[3] = {"ONESELF_HOME", "XDG_DATA_HOME", "HOME"};
  for (int i = 0; i < 3; ++i) saved[i] = std::getenv(names[i]) ? std::getenv(names[i]) : "";
  ::setenv("ONESELF_HOME", "/a/b", 1);
  ::setenv("XDG_DATA_HOME", "/x/data", 1);
  ::setenv("HOME", "/home/ada", 1);
  CHECK(oneself::store::DefaultDirectory() == "/a/b");
  ::unsetenv("ONESELF_HOME");
  CHECK(oneself::store::DefaultDirectory() == "/x/data/oneself");
  ::setenv("XDG_DATA_HOME", "relative", 1);
  CHECK(oneself::store::DefaultDirectory() == "/home/ada/.local/share/oneself");
  ::unsetenv("XDG_DATA_HOME");
  CHECK(oneself::store::DefaultDirectory() == "/home/ada/.local/share/oneself");
  for (int i = 0; i < 3; ++i) {
    if (saved[i].empty()) ::unsetenv(names[i]);
    else ::setenv(names[i], saved[i].c_str(), 1);
  }
}

// ignore.add and ignore.remove take only the fields `check` compares; the
// store must accept an ignore of each of them, and refuse any other, or it
// would keep ignores that ignore.remove refuses to name.
TEST_CASE("store: an ignore set by an update names a field ignore.remove can name", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  int64_t revision = 0;
  for (std::string_view field : oneself::compare::kCheckedFields) {
    INFO(field);
    json ignore = {{"field", std::string(field)}, {"observed", "seen"}, {"at", "2026-11-25T10:00:00Z"}};
    auto r = store.Update(revision, {{"sites", {{"x", {{"ignores", json::array({ignore})}}}}}},
                          Source::kCli);
    REQUIRE(r.ok());
    revision = r->revision;
  }
  struct Case {
    json ignore;
    std::string refusal;
  };
  const Case cases[] = {
      {{{"field", "nonsense"}, {"observed", 5}}, "sites.x.ignores[0].field must name a checked field"},
      {{{"field", "Headline"}, {"observed", 5}}, "sites.x.ignores[0].field must name a checked field"},
      {{{"field", "bio"}, {"observed", 5}, {"at", "yesterday"}}, "sites.x.ignores[0].at must be a time"},
      {{{"field", "bio"}, {"observed", 5}, {"at", "2026-02-30T10:00:00Z"}}, "sites.x.ignores[0].at must be a time"},
  };
  for (const auto& c : cases) {
    INFO(c.ignore.dump());
    auto r = store.Update(revision, {{"sites", {{"x", {{"ignores", json::array({c.ignore})}}}}}},
                          Source::kCli);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kBadRequest);
    CHECK(r.status().message().rfind(c.refusal, 0) == 0);
  }
  // The verbs agree about the names the store refused.
  for (const char* field : {"nonsense", "Headline"}) {
    auto parsed = oneself::commands::ParseIgnoreRequest(
        {{"site", "x"}, {"field", field}, {"observed", 5}});
    CHECK_FALSE(parsed.ok());
  }
  CHECK(store.Load()->revision == revision);
}

TEST_CASE("store: an ignore stored before ignores were checked does not refuse later updates", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  const json legacy_ignore = {{"field", "nonsense"}, {"observed", 5}, {"at", "yesterday"}};
  auto legacy = store.Apply([&](json& doc) {
    doc["sites"]["x"]["ignores"] = json::array({legacy_ignore});
    return Status::Ok();
  }, Source::kCli);
  REQUIRE(legacy.ok());
  auto later = store.Update(legacy->revision, {{"profile", {{"headline", "Staff Engineer"}}}}, Source::kCli);
  REQUIRE(later.ok());
  // The options page sends a site's settings back whole: the stored entry is not new.
  json sites = later->doc["sites"];
  sites["x"]["policy"] = "personal";
  auto whole = store.Update(later->revision, {{"sites", sites}}, Source::kExtension);
  REQUIRE(whole.ok());
  // And emptying the list removes it.
  auto removed = store.Update(whole->revision, {{"sites", {{"x", {{"ignores", nullptr}}}}}}, Source::kCli);
  REQUIRE(removed.ok());
  CHECK_FALSE(removed->doc["sites"]["x"].contains("ignores"));
}

TEST_CASE("store: a refusal for length says the limit", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  const std::string big(oneself::store::format::kMaxStringBytes + 1, 'a');
  const std::string fits(oneself::store::format::kMaxStringBytes, 'a');
  for (const json& patch : {json{{"profile", {{"headline", big}}}},
                            json{{"profile", {{"bio", {{"about", big}}}}}}}) {
    auto r = store.Update(0, patch, Source::kCli);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::EndsWith("is too long (at most 16 KiB)"));
  }
  CHECK(store.Update(0, {{"profile", {{"headline", fits}}}}, Source::kCli).ok());
  json many = json::array();
  for (size_t i = 0; i <= oneself::store::format::kMaxArrayItems; ++i) many.push_back("n");
  auto r = store.Update(1, {{"profile", {{"name", {{"nicknames", many}}}}}}, Source::kCli);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "profile.name.nicknames has too many items (at most 500)");
}

TEST_CASE("store: work dates are days of the calendar, and an end is not before its start", "[store]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  auto work = [](json entry) {
    entry["employer"] = "Lumen";
    return json{{"profile", {{"work", json::array({entry})}}}};
  };
  struct Case {
    json entry;
    std::string refusal;  // empty: accepted
  };
  const Case cases[] = {
      {{{"start", "2023-02-30"}}, "profile.work[0].start is not a day of the calendar (2023-02-30)"},
      {{{"start", "2023-04-31"}}, "profile.work[0].start is not a day of the calendar (2023-04-31)"},
      {{{"start", "2023-02-29"}}, "profile.work[0].start is not a day of the calendar (2023-02-29)"},
      {{{"start", "1900-02-29"}}, "profile.work[0].start is not a day of the calendar (1900-02-29)"},
      {{{"start", "2020"}, {"end", "2021-06-31"}}, "profile.work[0].end is not a day of the calendar (2021-06-31)"},
      {{{"start", "2020-05"}, {"end", "2019"}}, "profile.work[0].end is before its start (2019 < 2020-05)"},
      {{{"start", "2020-05-10"}, {"end", "2020-05-09"}}, "profile.work[0].end is before its start (2020-05-09 < 2020-05-10)"},
      {{{"start", "2020-05"}, {"end", "2020-04-30"}}, "profile.work[0].end is before its start (2020-04-30 < 2020-05)"},
      {{{"start", "2024-02-29"}}, ""},
      {{{"start", "2000-02-29"}, {"end", "2000-03-01"}}, ""},
      {{{"start", "2020-05"}, {"end", "2020"}}, ""},
      {{{"start", "2020"}, {"end", "2020-01"}}, ""},
      {{{"start", "2020-05-31"}, {"end", "2020-05"}}, ""},
      {{{"start", "2020-05-10"}, {"end", nullptr}}, ""},
  };
  int64_t revision = 0;
  for (const auto& c : cases) {
    INFO(c.entry.dump());
    auto r = store.Update(revision, work(c.entry), Source::kCli);
    if (c.refusal.empty()) {
      REQUIRE(r.ok());
      revision = r->revision;
    } else {
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().code() == Code::kBadRequest);
      CHECK(r.status().message() == c.refusal);
    }
  }
  // A date stored before this check does not refuse updates of other fields.
  auto legacy = store.Apply([](json& doc) {
    doc["profile"]["work"] = json::array({{{"employer", "Lumen"}, {"start", "2023-02-30"}, {"end", "2001"}}});
    return Status::Ok();
  }, Source::kCli);
  REQUIRE(legacy.ok());
  auto other = store.Update(legacy->revision, {{"profile", {{"headline", "Staff"}}}}, Source::kCli);
  REQUIRE(other.ok());
  // Nor the work history sent back whole with that entry unchanged (the
  // options page sends it so), while a new entry of it is still checked.
  json history = other->doc["profile"]["work"];
  history.push_back({{"employer", "Brightwave"}, {"start", "2019-01"}});
  auto whole = store.Update(other->revision, {{"profile", {{"work", history}}}}, Source::kCli);
  REQUIRE(whole.ok());
  history.push_back({{"employer", "Elsewhere"}, {"start", "2019-02-30"}});
  CHECK_FALSE(store.Update(whole->revision, {{"profile", {{"work", history}}}}, Source::kCli).ok());
}
