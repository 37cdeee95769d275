// Crash safety: start the real host as Chromium does, stream
// profile.update requests into it and SIGKILL it at a random instant, many
// times over. After every kill: the store loads, `oneself verify` passes,
// and every update the host acknowledged is present (the revision is at
// least the last acknowledged one, and at most one further: the update that
// was in flight may or may not have landed, but nothing in between).
//
//   crash_kill ONESELF_BINARY [KILLS] [SEED]
#include <signal.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
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
  // When to kill. Fixed delays from the start would, on a slow machine or
  // under a sanitizer, all land in start-up; so most kills wait for a random
  // number of acknowledgements and then a random part of an update's time
  // (as measured so far), landing at any step of one: the journal's append,
  // its fsync, the profile's rename. One in eight lands in start-up instead
  // (opening the store, recovering a torn tail), at a random part of it.
  std::uniform_int_distribution<int> startUpKill(0, 7), acksFirst(0, 4);
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  double startUpUs = 20000, startUpRuns = 0;  // mean time to the hello reply
  double streamUs = 0, streamAcks = 0;         // time spent and acks made while streaming
  using Clock = std::chrono::steady_clock;
  auto us = [](Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); };

  for (int k = 0; k < kills; ++k) {
    std::string inflight;
    {
      HostProcess h(binary, {hardening::kAllowedOrigin}, env);
      const auto spawned = Clock::now();
      if (!h.started()) {
        Fail(k, "could not start the host");
        break;
      }
      const bool inStartUp = startUpKill(rng) == 0;
      const int afterAcks = acksFirst(rng);
      const double perAck = streamAcks > 0 ? streamUs / streamAcks : 20000;
      const auto delay = std::chrono::microseconds(
          static_cast<int64_t>(fraction(rng) * (inStartUp ? startUpUs : 2 * perAck)));
      std::mutex mu;
      std::condition_variable cv;
      int seen = -1;  // acks of this run the killer knows of; -1 before the hello reply
      bool ended = false;
      std::thread killer([&] {
        if (inStartUp) {
          std::this_thread::sleep_until(spawned + delay);
        } else {
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] { return ended || seen >= afterAcks; });
          lock.unlock();
          std::this_thread::sleep_for(delay);
        }
        h.Kill(SIGKILL);
      });
      auto advance = [&](int n) {
        std::lock_guard<std::mutex> lock(mu);
        seen = n;
        cv.notify_all();
      };
      int64_t base = -1;
      auto hello = h.Call({{"id", "hello"}, {"type", "hello"}, {"protocol", 1}}, 20000);
      if (!hello.is_discarded()) {
        if (!hello.value("ok", false)) Fail(k, "hello refused: " + hello.dump());
        base = hello["result"]["store"].value("revision", int64_t{-1});
        if (base < lastAcked) Fail(k, "hello revision " + std::to_string(base) + " < acknowledged " +
                                          std::to_string(lastAcked));
        startUpUs = (startUpUs * startUpRuns + us(Clock::now() - spawned)) / (startUpRuns + 1);
        ++startUpRuns;
        advance(0);
      }
      const auto streaming = Clock::now();
      auto lastAckAt = streaming;
      int acks = 0;
      for (int i = 0; base >= 0; ++i) {
        std::string value = "crash " + std::to_string(k) + "." + std::to_string(i);
        inflight = value;
        nlohmann::json r = nlohmann::json::value_t::discarded;
        if (h.Send(Update(base, value, i))) r = h.ReadReply(20000);
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
        lastAckAt = Clock::now();
        advance(++acks);
        inflight.clear();
      }
      streamUs += us(lastAckAt - streaming);
      streamAcks += acks;
      {
        std::lock_guard<std::mutex> lock(mu);
        ended = true;
        cv.notify_all();
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
      } else if (it->second.find("\"" + value + "\"") == std::string::npos) {
        Fail(kills, "revision " + std::to_string(rev) + " does not record \"" + value + "\"");
      }
      if (failures > 20) break;
    }
  }

  std::printf("crash_kill: %d kills, %d acknowledged updates, %d kills mid-stream, store at %lld\n",
              kills, totalAcks, killedMidStream, static_cast<long long>(lastAcked));
  // Seven in eight kills are aimed at the stream; kills that all landed
  // before the first update would prove nothing.
  if (totalAcks == 0 || killedMidStream < kills / 2)
    Fail(kills, "too few kills landed while updates streamed: " + std::to_string(killedMidStream) +
                    " of " + std::to_string(kills));
  return failures == 0 ? 0 : 1;
}
