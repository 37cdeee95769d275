// Two processes updating one store at once: the lock serializes them, the
// baseRevision check refuses stale updates, and nothing acknowledged is lost.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <sstream>

#include "store/store.h"
#include "store_testing.h"

using nlohmann::json;
using oneself::Code;
using oneself::store::Source;
using oneself::store::Store;
using oneself::testing::ReadAll;
using oneself::testing::TempDir;

namespace {

constexpr int kAttempts = 200;

// In the child: `kAttempts` updates, each against the revision it just read.
// One line per attempt: "ok <revision> <value>", "conflict" or "error <text>".
[[noreturn]] void Writer(const std::filesystem::path& dir, int id, int startFd,
                         const std::filesystem::path& out) {
  char go;
  if (::read(startFd, &go, 1) != 1) ::_exit(3);
  Store store(dir);
  // (ostringstream rather than string +: GCC 12 warns falsely, -Wrestrict)
  std::ostringstream log;
  for (int i = 0; i < kAttempts; ++i) {
    auto snap = store.Load();
    if (!snap.ok()) {
      log << "error " << snap.status().ToString() << "\n";
      continue;
    }
    std::ostringstream value;
    value << "w" << id << "-" << i;
    auto r = store.Update(snap->revision, {{"profile", {{"headline", value.str()}}}},
                          id == 0 ? Source::kCli : Source::kExtension);
    if (r.ok()) log << "ok " << r->revision << " " << value.str() << "\n";
    else if (r.status().code() == Code::kConflict) log << "conflict\n";
    else log << "error " << r.status().ToString() << "\n";
  }
  oneself::testing::WriteAll(out, log.str());
  ::_exit(0);
}

}  // namespace

TEST_CASE("concurrency: two processes, 200 updates each, nothing acknowledged is lost", "[store][concurrency]") {
  TempDir tmp;
  auto dir = tmp.path() / "store";
  REQUIRE(Store(dir).Init().ok());
  int start[2];
  REQUIRE(::pipe(start) == 0);
  pid_t pids[2];
  for (int id = 0; id < 2; ++id) {
    pids[id] = ::fork();
    REQUIRE(pids[id] >= 0);
    if (pids[id] == 0) {
      ::close(start[1]);
      Writer(dir, id, start[0], tmp.path() / (id == 0 ? "writer0" : "writer1"));
    }
  }
  ::close(start[0]);
  REQUIRE(::write(start[1], "gg", 2) == 2);  // release both at once
  ::close(start[1]);
  for (pid_t pid : pids) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
  }

  std::map<int64_t, std::string> acknowledged;  // revision -> headline
  int conflicts = 0;
  for (int id = 0; id < 2; ++id) {
    std::istringstream in(ReadAll(tmp.path() / (id == 0 ? "writer0" : "writer1")));
    std::string word;
    int attempts = 0;
    while (in >> word) {
      ++attempts;
      if (word == "ok") {
        int64_t rev;
        std::string value;
        in >> rev >> value;
        INFO("revision " << rev << " acknowledged twice");
        REQUIRE(acknowledged.emplace(rev, value).second);
      } else {
        INFO("a refused update was not a conflict: " << word);
        REQUIRE(word == "conflict");
        ++conflicts;
      }
    }
    CHECK(attempts == kAttempts);
  }
  CHECK(acknowledged.size() + static_cast<size_t>(conflicts) == 2 * kAttempts);

  Store store(dir);
  auto snap = store.Load();
  REQUIRE(snap.ok());
  CHECK(snap->revision == static_cast<int64_t>(acknowledged.size()));
  CHECK(snap->doc["profile"]["headline"] == acknowledged.rbegin()->second);
  auto history = store.History(0, 1000);
  REQUIRE(history.ok());
  REQUIRE(history->size() == acknowledged.size());
  for (const auto& e : *history) {
    auto it = acknowledged.find(e.revision);
    REQUIRE(it != acknowledged.end());
    CHECK(e.changes["headline"]["to"] == it->second);
  }
  auto report = store.Verify();
  REQUIRE(report.ok());
  CHECK(report->problems.empty());
  CHECK(report->entries == static_cast<int64_t>(acknowledged.size()));
}
