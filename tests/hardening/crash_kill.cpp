// Crash safety (issue 7): start the real host as Chromium does, stream
// profile.update requests into it and SIGKILL it at a random instant, many
// times over. After every kill: the store loads, `oneself verify` passes,
// and every update the host acknowledged is present (the revision is at
// least the last acknowledged one, and at most one further: the update that
// was in flight may or may not have landed, but nothing in between).
//
//   crash_kill ONESELF_BINARY [KILLS] [SEED]
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "host_pipe.h"
#include "store_probe.h"

using hardening::HostProcess;

namespace {

int failures = 0;

void Fail(int kill, const std::string& what) {
  ++failures;
  std::fprintf(stderr, "crash_kill: after kill %d: %s\n", kill, what.c_str());
}

nlohmann::json Update(int64_t base, const std::string& headline, int id) {
  return {{"id", id},
          {"type", "profile.update"},
          {"baseRevision", base},
          {"profile", {{"headline", headline}}}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: crash_kill ONESELF_BINARY [KILLS] [SEED]\n");
    return 2;
  }
  const std::string binary = argv[1];
  const int kills = argc > 2 ? std::atoi(argv[2]) : 200;
  const unsigned seed = argc > 3 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10))
                                 : std::random_device{}();
  std::printf("crash_kill: %d kills, seed %u\n", kills, seed);
  signal(SIGPIPE, SIG_IGN);
  std::mt19937 rng(seed);

  hardening::TempDir home("oneself-crash");
  auto env = hardening::MakeEnv({{"ONESELF_HOME", (home.path() / "store").string()},
                                 {"XDG_STATE_HOME", (home.path() / "state").string()},
                                 {"HOME", home.path().string()}});
  auto init = hardening::RunCommand(binary, {"init"}, env);
  if (init.exitCode != 0) {
    std::fprintf(stderr, "crash_kill: oneself init failed (%d)\n", init.exitCode);
    return 1;
  }

  std::map<int64_t, std::string> acked;  // revision -> headline the host acknowledged
  int64_t lastAcked = 0;
  int totalAcks = 0, killedMidStream = 0;
  // Kill delays span start-up and the stream: an update is durable only
  // after two fsyncs (tens of milliseconds on a real disk), so most kills
  // land inside one, and some in start-up itself.
  std::uniform_int_distribution<int> delayUs(0, 250000);

  for (int k = 0; k < kills; ++k) {
    std::string inflight;
    {
      HostProcess h(binary, {hardening::kAllowedOrigin}, env);
      if (!h.started()) {
        Fail(k, "could not start the host");
        break;
      }
      int delay = delayUs(rng);
      std::atomic<bool> done{false};
      std::thread killer([&] {
        ::usleep(static_cast<useconds_t>(delay));
        h.Kill(SIGKILL);
        done = true;
      });
      int64_t base = -1;
      auto hello = h.Call({{"id", "hello"}, {"type", "hello"}, {"protocol", 1}}, 5000);
      if (!hello.is_discarded()) {
        if (!hello.value("ok", false)) Fail(k, "hello refused: " + hello.dump());
        base = hello["result"]["store"].value("revision", int64_t{-1});
        if (base < lastAcked) Fail(k, "hello revision " + std::to_string(base) + " < acknowledged " +
                                          std::to_string(lastAcked));
      }
      for (int i = 0; base >= 0; ++i) {
        std::string value = "crash " + std::to_string(k) + "." + std::to_string(i);
        inflight = value;
        if (!h.Send(Update(base, value, i))) break;
        auto r = h.ReadReply(5000);
        if (r.is_discarded()) {
          ++killedMidStream;
          break;
        }
        if (!r.value("ok", false)) {
          Fail(k, "update refused with one writer: " + r.dump());
          break;
        }
        auto rev = hardening::RevisionOf(r["result"]);
        if (!rev || *rev != base + 1) {
          Fail(k, "update acknowledged with an unexpected revision: " + r.dump());
          break;
        }
        acked[*rev] = value;
        lastAcked = base = *rev;
        ++totalAcks;
        inflight.clear();
      }
      killer.join();
      h.Wait(5000);
    }

    std::string out;
    if (!hardening::Verify(binary, env, &out)) Fail(k, "oneself verify failed:\n" + out);
    auto s = hardening::ReadState(binary, env);
    if (!s.ok) {
      Fail(k, "the store does not load: " + s.problem);
      continue;
    }
    if (s.revision < lastAcked) {
      Fail(k, "acknowledged revision " + std::to_string(lastAcked) + " lost; store is at " +
                  std::to_string(s.revision));
    } else if (s.revision > lastAcked + 1) {
      Fail(k, "store at " + std::to_string(s.revision) + ", more than one past the last ack " +
                  std::to_string(lastAcked));
    } else if (s.revision == lastAcked + 1) {
      // The in-flight update landed before the kill: it must be the one we sent.
      if (s.headline != inflight) Fail(k, "unacknowledged revision holds an unknown headline");
      acked[s.revision] = inflight;
      lastAcked = s.revision;
    } else if (lastAcked > 0 && s.headline != acked[lastAcked]) {
      Fail(k, "headline of revision " + std::to_string(lastAcked) + " is not what was acknowledged");
    }
    if (failures > 10) break;
  }

  // Every acknowledged revision is in the history with its value.
  std::string problem;
  auto history = hardening::ReadHistory(binary, env, &problem);
  if (!history) {
    Fail(kills, problem);
  } else {
    for (const auto& [rev, value] : acked) {
      auto it = history->find(rev);
      if (it == history->end()) {
        Fail(kills, "revision " + std::to_string(rev) + " missing from the history");
      } else if (it->second.find(value) == std::string::npos) {
        Fail(kills, "revision " + std::to_string(rev) + " does not record \"" + value + "\"");
      }
      if (failures > 20) break;
    }
  }

  std::printf("crash_kill: %d kills, %d acknowledged updates, %d kills mid-stream, store at %lld\n",
              kills, totalAcks, killedMidStream, static_cast<long long>(lastAcked));
  return failures == 0 ? 0 : 1;
}
