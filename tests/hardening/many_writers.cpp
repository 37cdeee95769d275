// Many writers: four hosts (as Chromium and Firefox would start
// them) and the CLI update one store at the same time, thousands of updates.
// Each host names the baseRevision it last saw; when refused it reads the
// store again and retries; `oneself set --json` prints the revision it made.
// Afterwards:
//   - every refusal was a `conflict` (for the CLI: exit 1 and its one
//     `(conflict)` line), and hosts were refused: the writers overlapped;
//   - no two acknowledgements, host or CLI, claim the same revision;
//   - every acknowledged update is in the history with its value, and the
//     history holds nothing else (its length is the number of acks);
//   - `oneself verify` passes.
//
//   many_writers ONESELF_BINARY [UPDATES_PER_HOST] [CLI_UPDATES]
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "host_pipe.h"
#include "store_probe.h"

using hardening::HostProcess;

namespace {

std::mutex mu;
std::vector<std::string> problems;
std::map<int64_t, std::string> ackedByRevision;  // every writer's acks
int cliAcks = 0, hostConflicts = 0, cliConflicts = 0;

void Problem(const std::string& p) {
  std::lock_guard<std::mutex> lock(mu);
  problems.push_back(p);
}

void HostWriter(const std::string& binary, const std::vector<std::string>& env, int w, int updates) {
  // Two of the four pretend to be Firefox (manifest path + add-on id).
  std::vector<std::string> args = w % 2 == 0
      ? std::vector<std::string>{hardening::kAllowedOrigin}
      : std::vector<std::string>{"/tmp/org.oneself.host.json", "oneself@oneself.org"};
  HostProcess h(binary, args, env);
  auto hello = h.Call({{"id", "hello"}, {"type", "hello"}, {"protocol", 1}});
  if (hello.is_discarded() || !hello.value("ok", false)) {
    Problem("writer " + std::to_string(w) + ": hello failed: " + hello.dump());
    return;
  }
  int64_t base = hello["result"]["store"].value("revision", int64_t{0});
  int id = 0;
  for (int i = 0; i < updates;) {
    std::string value = "writer " + std::to_string(w) + " update " + std::to_string(i);
    auto r = h.Call({{"id", ++id},
                     {"type", "profile.update"},
                     {"baseRevision", base},
                     {"profile", {{"headline", value}}}});
    if (r.is_discarded()) {
      Problem("writer " + std::to_string(w) + ": no reply to an update");
      return;
    }
    if (r.value("ok", false)) {
      auto rev = hardening::RevisionOf(r["result"]);
      if (!rev) {
        Problem("writer " + std::to_string(w) + ": ack without revision: " + r.dump());
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      if (!ackedByRevision.emplace(*rev, value).second)
        problems.push_back("revision " + std::to_string(*rev) + " acknowledged twice");
      base = *rev;
      ++i;
      continue;
    }
    std::string code = r["error"].value("code", "");
    if (code != "conflict") {
      Problem("writer " + std::to_string(w) + ": refusal other than conflict: " + r.dump());
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      ++hostConflicts;
    }
    auto get = h.Call({{"id", ++id}, {"type", "profile.get"}});
    auto rev = get.is_discarded() ? std::nullopt : hardening::RevisionOf(get["result"]);
    if (!rev) {
      Problem("writer " + std::to_string(w) + ": profile.get failed: " + get.dump());
      return;
    }
    base = *rev;
  }
}

// `oneself set` retries a conflict itself, so one surfaces only after several
// in a row; then it must exit 1 with nothing on stdout and, on stderr, the
// one line `oneself: <reason> (conflict)` (after the notice that it waited
// for the lock, if it did).
bool IsConflictRefusal(const hardening::CommandResult& r, const std::string& err) {
  static const std::regex line("oneself: [^\n]+ \\(conflict\\)\n");
  static const std::regex waiting("oneself: waiting for another oneself[^\n]*\n");
  std::string rest = err;
  std::smatch m;
  if (std::regex_search(rest, m, waiting, std::regex_constants::match_continuous)) rest = m.suffix();
  return r.exitCode == 1 && r.out.empty() && std::regex_match(rest, line);
}

void CliWriter(const std::string& binary, const std::vector<std::string>& env,
               const std::string& errPath, int updates) {
  for (int i = 0; i < updates; ++i) {
    std::string value = "cli update " + std::to_string(i);
    std::remove(errPath.c_str());
    auto r = hardening::RunCommand(binary, {"set", "headline", value, "--json"}, env, errPath);
    std::ifstream f(errPath);
    std::stringstream err;
    err << f.rdbuf();
    if (r.exitCode == 0) {
      auto reply = nlohmann::json::parse(r.out, nullptr, false);
      auto rev = reply.is_discarded() ? std::nullopt : hardening::RevisionOf(reply);
      if (!rev) {
        Problem("cli: `oneself set --json` printed no revision: " + r.out);
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      if (!ackedByRevision.emplace(*rev, value).second)
        problems.push_back("revision " + std::to_string(*rev) + " acknowledged twice");
      ++cliAcks;
      continue;
    }
    if (IsConflictRefusal(r, err.str())) {
      std::lock_guard<std::mutex> lock(mu);
      ++cliConflicts;
      continue;
    }
    Problem("cli: `oneself set` exited " + std::to_string(r.exitCode) + ", stdout \"" + r.out +
            "\", stderr: " + err.str());
    return;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: many_writers ONESELF_BINARY [UPDATES_PER_HOST] [CLI_UPDATES]\n");
    return 2;
  }
  const std::string binary = argv[1];
  const int perHost = argc > 2 ? std::atoi(argv[2]) : 500;
  const int cliUpdates = argc > 3 ? std::atoi(argv[3]) : 100;
  signal(SIGPIPE, SIG_IGN);

  hardening::TempDir home("oneself-writers");
  auto env = hardening::MakeEnv({{"ONESELF_HOME", (home.path() / "store").string()},
                                 {"XDG_STATE_HOME", (home.path() / "state").string()},
                                 {"HOME", home.path().string()}});
  if (hardening::RunCommand(binary, {"init"}, env).exitCode != 0) {
    std::fprintf(stderr, "many_writers: oneself init failed\n");
    return 1;
  }

  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) threads.emplace_back(HostWriter, binary, env, w, perHost);
  threads.emplace_back(CliWriter, binary, env, (home.path() / "cli.err").string(), cliUpdates);
  for (auto& t : threads) t.join();

  std::string verifyOut;
  if (!hardening::Verify(binary, env, &verifyOut)) problems.push_back("oneself verify failed:\n" + verifyOut);

  std::string problem;
  auto history = hardening::ReadHistory(binary, env, &problem);
  if (!history) {
    problems.push_back(problem);
  } else {
    for (const auto& [rev, value] : ackedByRevision) {
      auto it = history->find(rev);
      if (it == history->end() || it->second.find("\"" + value + "\"") == std::string::npos)
        problems.push_back("acknowledged revision " + std::to_string(rev) + " (\"" + value +
                           "\") is not in the history");
    }
    size_t revisions = 0;
    for (const auto& [rev, changes] : *history) revisions += rev > 0 ? 1 : 0;
    if (revisions != ackedByRevision.size())
      problems.push_back("history holds " + std::to_string(revisions) + " revisions but " +
                         std::to_string(ackedByRevision.size()) + " updates were acknowledged");
  }
  // Writers that never met would prove nothing about conflicts.
  if (hostConflicts == 0) problems.push_back("no host update was refused: the writers did not overlap");
  auto state = hardening::ReadState(binary, env);
  if (!state.ok) problems.push_back("the store does not load: " + state.problem);

  std::printf("many_writers: %zu host acks, %d CLI acks, %d host and %d CLI conflicts, store at %lld\n",
              ackedByRevision.size() - static_cast<size_t>(cliAcks), cliAcks, hostConflicts,
              cliConflicts, static_cast<long long>(state.revision));
  for (size_t i = 0; i < problems.size() && i < 20; ++i)
    std::fprintf(stderr, "many_writers: %s\n", problems[i].c_str());
  return problems.empty() ? 0 : 1;
}
