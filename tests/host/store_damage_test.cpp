// Damaged or hostile store files: clear errors, never a crash.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::Code;
using oneself::store::Source;
using oneself::store::Store;
using oneself::testing::TempDir;
using oneself::testing::WriteAll;

TEST_CASE("damage: a journal line of the wrong shape is reported, not a crash", "[store][damage]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "A"}}}}, Source::kCli).ok());
  WriteAll(oneself::testing::OnlyDeviceDir(tmp.path()) / "journal.jsonl", "{\"revision\": \"one\"}\n[1,2]\n");
  auto report = store.Verify();
  REQUIRE(report.ok());
  CHECK(report->problems.size() >= 2);
  CHECK_FALSE(store.History(0, 10).ok());
  // Reads still see what was merged; writes refuse to build on a broken chain.
  CHECK(store.Load()->doc["profile"]["headline"] == "A");
  CHECK(store.Update(1, {{"profile", {{"headline", "B"}}}}, Source::kCli).status().code() == Code::kStoreError);
}

TEST_CASE("damage: a damaged observation file reads as not seen and is replaced by the next", "[store][damage]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  REQUIRE(store.RecordObservation("x", {{"bio", "hi"}}, 0, 0).ok());
  REQUIRE(store.RecordObservation("github", {{"name", "Ada"}}, 0, 0).ok());
  WriteAll(oneself::testing::OnlyDeviceDir(tmp.path()) / "observations" / "x.json", "garbage");
  // One damaged site does not hide the others, nor fail the read.
  auto obs = store.Observations();
  REQUIRE(obs.ok());
  CHECK_FALSE(obs->contains("x"));
  CHECK((*obs)["github"]["fields"]["name"] == "Ada");
  REQUIRE(store.RecordObservation("x", {{"bio", "again"}}, 0, 0).ok());
  CHECK(store.Observations()->at("x")["fields"]["bio"] == "again");
}
