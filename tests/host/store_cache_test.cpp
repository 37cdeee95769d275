// The Store's read cache: a warm Load or observations read touches no bytes
// while the files are unchanged, and any change by another Store (another
// process, in real use) is seen by the next read.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <string>

#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::store::Source;
using oneself::store::Store;
using oneself::testing::FaultEnv;
using oneself::testing::TempDir;

TEST_CASE("store cache: a second Load of unchanged files reads no bytes", "[store][cache]") {
  TempDir tmp;
  FaultEnv env;
  Store store(tmp.path(), &env);
  REQUIRE(store.Init().ok());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "Engineer"}}}}, Source::kCli).ok());

  // A file changed within the last moments is checked by content (a copy of
  // the same size may replace it within the clock's granularity): wait that out.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto first = store.Load();
  REQUIRE(first.ok());
  uint64_t afterFirst = env.TotalRead();
  CHECK(afterFirst > 0);
  auto second = store.Load();
  REQUIRE(second.ok());
  CHECK(env.TotalRead() == afterFirst);
  CHECK(second->revision == 1);
  CHECK(second->doc == first->doc);

  // Observations likewise: the keystroke fast path re-reads nothing.
  REQUIRE(store.RecordObservation("x", {{"bio", "hi"}}, 1, 0).ok());
  REQUIRE(store.Observations().ok());
  uint64_t afterObs = env.TotalRead();
  REQUIRE(store.RecordObservation("x", {{"bio", "hi"}}, 1, 0).ok());
  auto obs = store.Observations();
  REQUIRE(obs.ok());
  CHECK(env.TotalRead() == afterObs);
  CHECK((*obs)["x"]["fields"]["bio"] == "hi");
}

TEST_CASE("store cache: a change by another Store on the directory is seen", "[store][cache]") {
  TempDir tmp;
  Store reader(tmp.path());
  Store writer(tmp.path());
  REQUIRE(writer.Init().ok());
  auto before = reader.Load();
  REQUIRE(before.ok());
  CHECK(before->revision == 0);
  REQUIRE(reader.Load().ok());  // now cached

  REQUIRE(writer.Update(0, {{"profile", {{"headline", "One"}}}}, Source::kCli).ok());
  auto after = reader.Load();
  REQUIRE(after.ok());
  CHECK(after->revision == 1);
  CHECK(after->doc["profile"]["headline"] == "One");

  // Same size on purpose ("One" -> "Two"): the new inode still tells.
  REQUIRE(writer.Update(1, {{"profile", {{"headline", "Two"}}}}, Source::kCli).ok());
  after = reader.Load();
  REQUIRE(after.ok());
  CHECK(after->revision == 2);
  CHECK(after->doc["profile"]["headline"] == "Two");

  // The reader's own write path does not trust its cache: a stale base is refused.
  auto stale = reader.Update(1, {{"profile", {{"headline", "Three"}}}}, Source::kCli);
  CHECK(stale.status().code() == oneself::Code::kConflict);

  REQUIRE(reader.Observations().ok());
  REQUIRE(writer.RecordObservation("github", {{"name", "Ada"}}, 2, 0).ok());
  auto obs = reader.Observations();
  REQUIRE(obs.ok());
  CHECK((*obs)["github"]["fields"]["name"] == "Ada");
}

TEST_CASE("store cache: shared snapshots carry an identity, copies to change do not", "[store][cache]") {
  TempDir tmp;
  Store store(tmp.path());
  REQUIRE(store.Init().ok());
  REQUIRE(store.Update(0, {{"profile", {{"headline", "One"}}}}, Source::kCli).ok());

  auto shared = store.LoadShared();
  REQUIRE(shared.ok());
  CHECK((*shared)->identity != 0);
  auto again = store.LoadShared();
  REQUIRE(again.ok());
  CHECK(again->get() == shared->get());  // unchanged files: the same snapshot
  auto copy = store.Load();
  REQUIRE(copy.ok());
  CHECK(copy->identity == 0);

  // Another store, or a change, gives a new number, never one seen before.
  Store other(tmp.path());
  auto elsewhere = other.LoadShared();
  REQUIRE(elsewhere.ok());
  CHECK((*elsewhere)->identity != (*shared)->identity);
  REQUIRE(store.Update(1, {{"profile", {{"headline", "Two"}}}}, Source::kCli).ok());
  auto changed = store.LoadShared();
  REQUIRE(changed.ok());
  CHECK((*changed)->identity != (*shared)->identity);
  CHECK((*changed)->identity != (*elsewhere)->identity);
}
