// Observations: recorded per site, and not rewritten on every keystroke.
#include <catch2/catch.hpp>

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
  // Observations are not revisions.
  CHECK(store.Load()->revision == 0);
}

TEST_CASE("observations: an identical observation within 60 s is not rewritten", "[store][observations]") {
  TempDir tmp;
  FaultEnv env;
  env.now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  Store store(tmp.path(), &env);
  REQUIRE(store.RecordObservation("x", {{"bio", "hello"}}, 1, 0).ok());
  int writes = env.writes;
  CHECK(writes == 1);
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
