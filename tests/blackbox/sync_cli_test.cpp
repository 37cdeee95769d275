// The synced store through the real binary: two stores on one machine share
// their device files as a sync engine would; init joins, devices and
// conflicts list, status and hello count, a set resolves, and a running
// host sees what arrived with no restart.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

fs::path Store(const blackbox::Cli& cli) { return cli.dir.path() / "store"; }

// What a sync engine does: the other store's device files arrive (whole,
// by rename, as Syncthing writes them).
void Sync(const blackbox::Cli& from, const blackbox::Cli& to) {
  for (const auto& d : fs::directory_iterator(Store(from) / "devices")) {
    const auto target = Store(to) / "devices" / d.path().filename();
    fs::create_directories(target);
    const auto tmp = target / ".incoming";
    fs::copy_file(d.path() / "journal.jsonl", tmp, fs::copy_options::overwrite_existing);
    fs::rename(tmp, target / "journal.jsonl");
  }
}

json Json(const hardening::CommandResult& r) { return json::parse(r.out); }

TEST_CASE("blackbox: init joins a synced folder, then devices, conflicts, status and a resolving set", "[blackbox][sync]") {
  blackbox::Cli a, b;
  REQUIRE(a.Run({"init"}).exitCode == 0);
  REQUIRE(a.Run({"set", "headline", "Staff Engineer"}).exitCode == 0);
  // The folder arrives on the second machine before it ever ran oneself.
  fs::create_directories(Store(b));
  fs::permissions(Store(b), fs::perms::owner_all);
  Sync(a, b);
  auto joined = b.Run({"init"});
  REQUIRE(joined.exitCode == 0);
  CHECK(joined.out.find("Joined the store") != std::string::npos);
  const json devicesA = Json(a.Run({"devices", "--json"}))["devices"];
  REQUIRE(devicesA.size() == 1);
  const std::string idA = devicesA[0]["id"];
  CHECK(joined.out.find(idA) != std::string::npos);  // says which devices it found
  const json devicesB = Json(b.Run({"devices", "--json"}))["devices"];
  REQUIRE(devicesB.size() == 2);
  for (const json& d : devicesB) {
    CHECK(d["self"] == (d["id"] != idA));
    CHECK(d["name"].is_string());
    CHECK(d["entries"].get<int64_t>() >= 1);
  }
  REQUIRE(b.Run({"devices", "rename", "home desktop"}).exitCode == 0);

  // Both edit the same field before the next sync: a conflict on both.
  REQUIRE(a.Run({"set", "headline", "Principal Engineer"}).exitCode == 0);
  REQUIRE(b.Run({"set", "headline", "Engineering Manager"}).exitCode == 0);
  REQUIRE(a.Run({"set", "email", "ada@example.com"}).exitCode == 0);
  Sync(a, b);
  Sync(b, a);
  const json showA = Json(a.Run({"show", "--json"}));
  const json showB = Json(b.Run({"show", "--json"}));
  CHECK(showA["profile"] == showB["profile"]);
  CHECK(showA["sites"] == showB["sites"]);
  CHECK(showA["profile"]["email"] == "ada@example.com");
  const json conflictsA = Json(a.Run({"conflicts", "--json"}))["conflicts"];
  const json conflictsB = Json(b.Run({"conflicts", "--json"}))["conflicts"];
  REQUIRE(conflictsA.size() == 1);
  CHECK(conflictsA == conflictsB);
  CHECK(conflictsA[0]["field"] == "headline");
  REQUIRE(conflictsA[0]["values"].size() == 2);
  CHECK(conflictsA[0]["values"][0]["value"] == showA["profile"]["headline"]);
  for (const json& v : conflictsA[0]["values"]) {
    CHECK(v["device"].is_string());
    CHECK(v["time"].is_string());
  }
  CHECK(a.Run({"status"}).out.find("1 conflict(s)") != std::string::npos);
  CHECK(Json(a.Run({"status", "--json"}))["conflicts"] == 1);
  CHECK(Json(b.Run({"status", "--json"}))["conflicts"] == 1);
  {
    hardening::HostProcess host(ONESELF_BINARY, {hardening::kAllowedOrigin}, a.env, a.errPath());
    REQUIRE(host.started());
    const json hello = host.Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}});
    CHECK(hello["result"]["store"]["conflicts"] == 1);
    // The other machine resolves it; the running host sees it arrive.
    REQUIRE(b.Run({"set", "headline", "Engineering Manager"}).exitCode == 0);
    Sync(b, a);
    const json again = host.Call({{"id", 2}, {"type", "hello"}, {"protocol", 1}});
    CHECK(again["result"]["store"]["conflicts"] == 0);
    const json get = host.Call({{"id", 3}, {"type", "profile.get"}});
    CHECK(get["result"]["profile"]["headline"] == "Engineering Manager");
  }
  CHECK(Json(a.Run({"conflicts", "--json"}))["conflicts"].empty());
  CHECK(Json(a.Run({"status", "--json"}))["conflicts"] == 0);
  // History is merged, each entry with its device.
  const json history = Json(a.Run({"history", "--json"}))["entries"];
  std::set<std::string> devices;
  for (const json& e : history) devices.insert(e["device"].get<std::string>());
  CHECK(devices.size() == 2);
  CHECK(a.Run({"verify"}).exitCode == 0);
  CHECK(b.Run({"verify"}).exitCode == 0);
  // The rename travelled with b's journal.
  bool named = false;
  const json listed = Json(a.Run({"devices", "--json"}))["devices"];
  INFO(listed.dump());
  for (const json& d : listed) named = named || d["name"] == "home desktop";
  CHECK(named);
}

// Two machines, one field edited on both before they synced: a conflict on a.
void MakeHeadlineConflict(blackbox::Cli& a, blackbox::Cli& b) {
  REQUIRE(a.Run({"init"}).exitCode == 0);
  REQUIRE(a.Run({"set", "headline", "Staff Engineer"}).exitCode == 0);
  fs::create_directories(Store(b));
  fs::permissions(Store(b), fs::perms::owner_all);
  Sync(a, b);
  REQUIRE(b.Run({"init"}).exitCode == 0);
  REQUIRE(a.Run({"set", "headline", "Principal Engineer"}).exitCode == 0);
  REQUIRE(b.Run({"set", "headline", "Engineering Manager"}).exitCode == 0);
  // Both ways, as the engine does: b's folder also holds its older copy of a's journal.
  Sync(a, b);
  Sync(b, a);
}

TEST_CASE("blackbox: the conflicts verb answers as `oneself conflicts --json`, and a profile.update of the field resolves it", "[blackbox][sync]") {
  blackbox::Cli a, b;
  MakeHeadlineConflict(a, b);
  const json cli = Json(a.Run({"conflicts", "--json"}));
  REQUIRE(cli["conflicts"].size() == 1);
  hardening::HostProcess host(ONESELF_BINARY, {hardening::kAllowedOrigin}, a.env, a.errPath());
  REQUIRE(host.started());
  const json listed = host.Call({{"id", 1}, {"type", "conflicts"}});
  INFO(listed.dump());
  REQUIRE(listed.contains("result"));
  CHECK(listed["result"] == cli);
  const json conflict = listed["result"]["conflicts"][0];
  CHECK(conflict["path"] == "/profile/headline");
  REQUIRE(conflict["values"].size() == 2);
  std::set<std::string> values;
  for (const json& v : conflict["values"]) values.insert(v["value"].get<std::string>());
  CHECK(values == std::set<std::string>{"Principal Engineer", "Engineering Manager"});

  // The value not shown is chosen, as the options page writes it.
  const json get = host.Call({{"id", 2}, {"type", "profile.get"}});
  const json chosen = conflict["values"][1]["value"];
  CHECK(get["result"]["profile"]["headline"] != chosen);
  const json updated = host.Call({{"id", 3}, {"type", "profile.update"},
                                  {"baseRevision", get["result"]["revision"]},
                                  {"profile", {{"headline", chosen}}}});
  INFO(updated.dump());
  REQUIRE(updated.contains("result"));
  CHECK(updated["result"]["profile"]["headline"] == chosen);
  CHECK(host.Call({{"id", 4}, {"type", "conflicts"}})["result"]["conflicts"].empty());
  CHECK(host.Call({{"id", 5}, {"type", "hello"}, {"protocol", 1}})["result"]["store"]["conflicts"] == 0);
  CHECK(Json(a.Run({"conflicts", "--json"}))["conflicts"].empty());
}

TEST_CASE("blackbox: choosing the value already shown resolves the conflict too", "[blackbox][sync]") {
  blackbox::Cli a, b;
  MakeHeadlineConflict(a, b);
  hardening::HostProcess host(ONESELF_BINARY, {hardening::kAllowedOrigin}, a.env, a.errPath());
  REQUIRE(host.started());
  const json conflict = host.Call({{"id", 1}, {"type", "conflicts"}})["result"]["conflicts"][0];
  const json get = host.Call({{"id", 2}, {"type", "profile.get"}});
  // The shown value comes first.
  CHECK(conflict["values"][0]["value"] == get["result"]["profile"]["headline"]);
  const json updated = host.Call({{"id", 3}, {"type", "profile.update"},
                                  {"baseRevision", get["result"]["revision"]},
                                  {"profile", {{"headline", conflict["values"][0]["value"]}}}});
  INFO(updated.dump());
  REQUIRE(updated.contains("result"));
  CHECK(host.Call({{"id", 4}, {"type", "conflicts"}})["result"]["conflicts"].empty());
}

TEST_CASE("blackbox: a folder whose device another machine writes is refused, naming the fix", "[blackbox][sync]") {
  blackbox::Cli a;
  REQUIRE(a.Run({"init"}).exitCode == 0);
  REQUIRE(a.Run({"set", "headline", "Staff Engineer"}).exitCode == 0);
  // Someone else's line lands in this machine's journal (its device id is in use elsewhere).
  fs::path journal;
  for (const auto& d : fs::directory_iterator(Store(a) / "devices")) journal = d.path() / "journal.jsonl";
  std::string text;
  {
    std::ifstream in(journal);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string lastLine = text.substr(text.rfind('\n', text.size() - 2) + 1);
  { std::ofstream(journal, std::ios::app) << lastLine; }
  auto refused = a.Run({"set", "headline", "Principal Engineer"});
  CHECK(refused.exitCode == 2);
  CHECK(a.Err().find("another machine") != std::string::npos);
  CHECK(a.Err().find("oneself init --new-device") != std::string::npos);
  REQUIRE(a.Run({"init", "--new-device"}).exitCode == 0);
  CHECK(a.Run({"set", "headline", "Principal Engineer"}).exitCode == 0);
}

}  // namespace
