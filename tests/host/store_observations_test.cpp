// Observations: recorded per site, and not rewritten on every keystroke.
#include <catch2/catch.hpp>

#include <fstream>

#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::store::Store;
using oneself::testing::FaultEnv;
using oneself::testing::TempDir;

TEST_CASE("observations: recorded per site and read back", "[store][observations]") {
  TempDir tmp;
  Store store(tmp.path());
  auto empty = store.Observations();
  REQUIRE(empty.ok());
  CHECK(*empty == json::object());
  REQUIRE(store.RecordObservation("x", {{"bio", "hello"}}, 3, 1).ok());
  REQUIRE(store.RecordObservation("github", {{"name", "Ada"}}, 3, 0).ok());
  auto obs = store.Observations();
  REQUIRE(obs.ok());
  CHECK((*obs)["x"]["fields"] == json({{"bio", "hello"}}));
  CHECK((*obs)["x"]["revision"] == 3);
  CHECK((*obs)["x"]["warnings"] == 1);
  CHECK_FALSE((*obs)["x"]["seen"].get<std::string>().empty());
  CHECK((*obs)["github"]["fields"]["name"] == "Ada");
  CHECK(store.RecordObservation("", json::object(), 0, 0).code() == oneself::Code::kBadRequest);
  // Site ids become file names: nothing that could leave the directory.
  for (const char* bad : {"..", "../x", "a/b", "X", ".hidden", "x.json"})
    CHECK(store.RecordObservation(bad, json::object(), 0, 0).code() == oneself::Code::kBadRequest);
  // Observations are not revisions.
  CHECK(store.Load()->revision == 0);
}

TEST_CASE("observations: an identical observation within 60 s is not rewritten", "[store][observations]") {
  TempDir tmp;
  FaultEnv env;
  env.now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  Store store(tmp.path(), &env);
  REQUIRE(store.Init().ok());  // this machine's device, where observations go
  const int before = env.writes;
  REQUIRE(store.RecordObservation("x", {{"bio", "hello"}}, 1, 0).ok());
  int writes = env.writes;
  CHECK(writes - before == 1);
  *env.now += std::chrono::seconds(30);
  REQUIRE(store.RecordObservation("x", {{"bio", "hello"}}, 1, 0).ok());
  CHECK(env.writes == writes);  // skipped
  // Different fields, revision or warning count: written at once.
  REQUIRE(store.RecordObservation("x", {{"bio", "hello!"}}, 1, 0).ok());
  CHECK(env.writes == ++writes);
  REQUIRE(store.RecordObservation("x", {{"bio", "hello!"}}, 2, 0).ok());
  CHECK(env.writes == ++writes);
  // Same again after a minute: written, so "seen" stays fresh.
  *env.now += std::chrono::seconds(61);
  REQUIRE(store.RecordObservation("x", {{"bio", "hello!"}}, 2, 0).ok());
  CHECK(env.writes == ++writes);
  CHECK(store.Observations()->at("x")["seen"] == "2027-01-15T08:01:31Z");
}

TEST_CASE("observations: one file per site, and recording one site reads no other", "[store][observations]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  const std::string longBio(4000, 'b');
  REQUIRE(store.RecordObservation("github", {{"bio", longBio}}, 1, 0).ok());
  REQUIRE(store.RecordObservation("x", {{"bio", "short"}}, 1, 0).ok());
  CHECK(std::filesystem::is_regular_file(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations" / "github.json"));
  CHECK(std::filesystem::is_regular_file(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations" / "x.json"));
  CHECK_FALSE(std::filesystem::exists(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations.json"));

  // A fresh Store (a new host process) recording x: github's file is never read.
  FaultEnv fresh;
  Store again(tmp.path(), &fresh);
  REQUIRE(again.RecordObservation("x", {{"bio", "changed"}}, 1, 0).ok());
  CHECK((*fresh.bytesRead)["github.json"] == 0);
  CHECK((*fresh.bytesRead)["x.json"] > 0);
  auto obs = again.Observations();
  REQUIRE(obs.ok());
  CHECK((*obs)["github"]["fields"]["bio"] == longBio);
  CHECK((*obs)["x"]["fields"]["bio"] == "changed");
}

// The upgrade to the synced layout moves observations.json into the device's folder.
TEST_CASE("observations: a store's old observations.json is read, then moved into per-site files", "[store][observations]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  {
    std::ofstream legacy(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations.json");
    legacy << json{{"github", {{"seen", "2026-11-01T10:00:00Z"}, {"revision", 3},
                               {"fields", {{"name", "Ada"}}}, {"warnings", 1}}},
                   {"x", {{"seen", "2026-11-01T10:00:00Z"}, {"revision", 3},
                          {"fields", {{"bio", "old"}}}, {"warnings", 0}}},
                   {"../escape", {{"seen", "2026-11-01T10:00:00Z"}}}}
                  .dump();
  }
  auto before = store.Observations();
  REQUIRE(before.ok());
  CHECK((*before)["github"]["fields"]["name"] == "Ada");

  REQUIRE(store.RecordObservation("x", {{"bio", "new"}}, 4, 0).ok());
  CHECK_FALSE(std::filesystem::exists(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations.json"));
  CHECK(std::filesystem::is_regular_file(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations" / "github.json"));
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "escape.json"));
  auto after = store.Observations();
  REQUIRE(after.ok());
  CHECK((*after)["github"]["warnings"] == 1);
  CHECK((*after)["x"]["fields"]["bio"] == "new");  // the new one, not the moved one
  CHECK(after->size() == 2);
  auto report = store.Verify();
  REQUIRE(report.ok());
  std::vector<std::string> unchecked;
  const auto problems = oneself::testing::ProblemsBesidesMissingAcls(report->problems, &unchecked);
  if (!unchecked.empty())
    WARN("under Wine: file access lists are not stored, so the store's privacy is not checked here ("
         << unchecked.size() << " findings set aside, the first: " << unchecked.front() << ")");
  INFO((problems.empty() ? std::string() : problems.front()));
  CHECK(problems.empty());
}
