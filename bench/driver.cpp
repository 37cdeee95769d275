// The benchmark driver (issue 6): measures the real `oneself` binary through
// pipes, as a browser drives it, beside reference hosts measured in the same
// run with the commands interleaved, and prints one table with the targets.
// It links nothing of the host: it only speaks the protocol.
//
//   bench_driver --oneself BIN --floor BIN --python PY --node JS --engine BIN
//                --data DIR --seed-devices BIN [--quick] [--keep DIR]
// bench/run.sh builds everything and passes these.
#include <sched.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child.h"

namespace fs = std::filesystem;
using nlohmann::json;
using bench::Child;
using bench::Clock;
using bench::MicrosSince;

namespace {

struct Options {
  std::string oneself, floorHost, python, node, engine, data, keep, nosync, seedDevices;
  bool quick = false;
};

// The Chromium origin the host allows (run.sh reads it from
// manifest/allowed-callers.json); every host is started with it as argv[1].
std::string g_origin;

double Median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size()))) - 1;
  return v[std::min(i, v.size() - 1)];
}

json ReadJson(const fs::path& p) {
  std::ifstream f(p);
  return json::parse(f);
}

std::vector<std::string> EnvFor(const fs::path& store, const fs::path& state) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    if (kv.rfind("ONESELF_HOME=", 0) == 0 || kv.rfind("XDG_STATE_HOME=", 0) == 0) continue;
    env.push_back(kv);
  }
  env.push_back("ONESELF_HOME=" + store.string());
  env.push_back("XDG_STATE_HOME=" + state.string());
  return env;
}

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "bench: %s\n", why.c_str());
  std::exit(2);
}

json Call(Child& c, const json& req) {
  if (!c.Send(req.dump())) Die("could not write to the host");
  auto body = c.Read();
  if (!body) Die("the host closed its output");
  return json::parse(*body);
}

// ---------------------------------------------------------------- seeding

// Builds a store through the real binary's update path: the canonical
// profile, its photo, then `revisions` revisions in all (updates pipelined
// 32 deep: one writer, so each baseRevision is known in advance), the last
// one restoring the canonical headline; then one `check` per site so every
// site `hello` lists has observations, and `sites` observations in all (see
// README: the rest are copies under made-up site ids written into
// observations/, to measure a store that has seen many).
// With `devices` > 0 the journals are written first by bench_seed_devices
// (`devices` devices of `revisions` entries each, through the store's own
// code), and the host only adds the photo and the observations.
void SeedStore(const Options& o, const fs::path& store, const fs::path& state, int revisions,
               int sites, int devices = 0) {
  auto env = EnvFor(store, state);
  if (!o.nosync.empty()) env.push_back("LD_PRELOAD=" + o.nosync);
  if (devices > 0) {
    if (o.seedDevices.empty()) Die("--seed-devices is needed to seed stores of several devices");
    Child s({o.seedDevices, store.string(), std::to_string(devices), std::to_string(revisions),
             (fs::path(o.data) / "profile.json").string()},
            env);
    if (!s.started()) Die("cannot start " + o.seedDevices);
    s.CloseInput();
    std::string out = s.ReadAll();
    if (s.Wait() != 0) Die("seeding " + store.string() + " failed: " + out);
  }
  const json profile = ReadJson(fs::path(o.data) / "profile.json");
  const json gray = ReadJson(fs::path(o.data) / "photo-gray.json")["gray"];
  json check = ReadJson(fs::path(o.data) / "linkedin-check.json");

  Child h({o.oneself, g_origin}, env);
  if (!h.started()) Die("cannot start " + o.oneself);
  json hello = Call(h, {{"id", 0}, {"type", "hello"}, {"protocol", 1}});
  if (!hello.value("ok", false)) Die("hello failed: " + hello.dump());
  int64_t rev = hello["result"]["store"].value("revision", int64_t{0});
  json r;
  if (devices == 0) {
    r = Call(h, {{"id", 1}, {"type", "profile.update"}, {"baseRevision", rev}, {"profile", profile}});
    if (!r.value("ok", false)) Die("seeding the profile failed: " + r.dump().substr(0, 300));
    rev = r["result"]["revision"];
  }
  r = Call(h, {{"id", 2}, {"type", "photo.set"}, {"gray", gray}});
  if (!r.value("ok", false)) Die("photo.set failed: " + r.dump().substr(0, 300));
  if (r["result"].contains("revision")) rev = r["result"]["revision"];

  const std::string canonical = profile.value("headline", "");
  int64_t target = devices > 0 ? rev : std::max<int64_t>(revisions, rev + 1);
  int64_t sent = rev, acked = rev;
  const int64_t window = 32;
  while (acked < target) {
    while (sent < target && sent - acked < window) {
      std::string headline =
          sent + 1 == target ? canonical : "Headline " + std::to_string(sent + 1) + " at Lumen Labs";
      json patch = {{"headline", headline}};
      if ((sent + 1) % 7 == 0) patch["location"] = {{"display", "Boston, MA " + std::to_string(sent % 5)}};
      if (!h.Send(json{{"id", sent + 1}, {"type", "profile.update"}, {"baseRevision", sent},
                       {"profile", patch}}.dump()))
        Die("write failed while seeding");
      ++sent;
    }
    auto body = h.Read();
    if (!body) Die("the host closed while seeding");
    json a = json::parse(*body);
    if (!a.value("ok", false)) Die("seeding update refused: " + a.dump().substr(0, 300));
    ++acked;
  }
  // The last revision carries the canonical headline; location back too.
  json last = Call(h, {{"id", "loc"}, {"type", "profile.get"}});
  rev = last["result"]["revision"];
  if (last["result"]["profile"].value("location", json::object()) != profile["location"]) {
    r = Call(h, {{"id", "loc2"}, {"type", "profile.update"}, {"baseRevision", rev},
                 {"profile", {{"location", profile["location"]}}}});
    if (!r.value("ok", false)) Die("restoring the location failed");
  }
  for (const auto& s : hello["result"]["sites"]) {
    std::string id = s.is_string() ? s.get<std::string>() : s.value("id", "");
    if (id.empty()) continue;
    check["site"] = id;
    check["id"] = "obs-" + id;
    Call(h, check);
  }
  h.CloseInput();
  h.Wait();

  // One file per site (devices/<id>/observations/<site>.json, in the one
  // device the seeding host made): copies of a real one under made-up site
  // ids until `sites` sites have been seen.
  fs::path obsDir = store / "observations";
  for (const auto& d : fs::directory_iterator(store / "devices"))
    if (fs::exists(d.path() / "observations")) obsDir = d.path() / "observations";
  fs::path model = obsDir / "linkedin.json";
  if (sites > 0 && fs::exists(model)) {
    int have = 0;
    for (const auto& e : fs::directory_iterator(obsDir)) have += e.path().extension() == ".json";
    const std::string bytes = ReadJson(model).dump(2) + "\n";
    for (int i = have; i < sites; ++i) {
      fs::path file = obsDir / ("bench-site-" + std::to_string(i) + ".json");
      std::ofstream(file) << bytes;
      ::chmod(file.c_str(), 0600);
    }
  }
}

// ---------------------------------------------------------------- measures

struct Host {
  std::string label;
  std::vector<std::string> argv;
  bool isOneself = false;
};

// One cold start: spawn, hello + one full check, end of input, wait.
double ColdOnce(const Host& host, const std::vector<std::string>& env, const std::string& helloFrame,
                const std::string& checkFrame) {
  auto t0 = Clock::now();
  Child c(host.argv, env);
  if (!c.started()) Die("cannot start " + host.argv[0]);
  c.Write(helloFrame + checkFrame);
  c.CloseInput();
  auto a = c.Read();
  auto b = c.Read();
  c.Drain();
  int code = c.Wait();
  double us = MicrosSince(t0);
  if (!a || !b || code != 0) Die(host.label + " did not answer hello and check and exit 0");
  if (host.isOneself) {
    json ra = json::parse(*a), rb = json::parse(*b);
    if (!ra.value("ok", false) || !rb.value("ok", false))
      Die("oneself refused the cold requests: " + rb.dump().substr(0, 300));
  }
  return us;
}

// The same start with no message at all: spawn, end of input, wait. What a
// process costs before it does any work, for scale (bench/README.md).
double StartOnly(const Host& host, const std::vector<std::string>& env) {
  auto t0 = Clock::now();
  Child c(host.argv, env);
  if (!c.started()) Die("cannot start " + host.argv[0]);
  c.CloseInput();
  c.Drain();
  int code = c.Wait();
  double us = MicrosSince(t0);
  if (code != 0) Die(host.label + " did not exit 0 at end of input");
  return us;
}

// Holds this process, and the children it starts meanwhile, on the core it
// is running on; gives back the previous set of cores when it goes.
class OneCore {
 public:
  OneCore() {
    const int cpu = ::sched_getcpu();
    if (cpu < 0 || ::sched_getaffinity(0, sizeof before_, &before_) != 0) return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    held_ = ::sched_setaffinity(0, sizeof one, &one) == 0;
  }
  ~OneCore() {
    if (held_) ::sched_setaffinity(0, sizeof before_, &before_);
  }
  OneCore(const OneCore&) = delete;
  OneCore& operator=(const OneCore&) = delete;
  bool held() const { return held_; }

 private:
  cpu_set_t before_{};
  bool held_ = false;
};

struct Row {
  std::string what, figure, target, verdict;
};

std::string Fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string Ms(double us) { return us >= 1000 ? Fmt("%.2f ms", us / 1000) : Fmt("%.0f us", us); }

std::string Verdict(bool met) { return met ? "met" : "MISSED"; }

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Die("missing value for " + a);
      return argv[++i];
    };
    if (a == "--oneself") o.oneself = next();
    else if (a == "--floor") o.floorHost = next();
    else if (a == "--python") o.python = next();
    else if (a == "--node") o.node = next();
    else if (a == "--engine") o.engine = next();
    else if (a == "--data") o.data = next();
    else if (a == "--origin") g_origin = next();
    else if (a == "--keep") o.keep = next();
    else if (a == "--nosync") o.nosync = next();
    else if (a == "--seed-devices") o.seedDevices = next();
    else if (a == "--quick") o.quick = true;
    else Die("unknown argument " + a);
  }
  if (o.oneself.empty() || o.floorHost.empty() || o.data.empty() || g_origin.empty())
    Die("usage: bench_driver --oneself BIN --floor BIN --python PY --node JS --engine BIN --data DIR --origin ORIGIN [--quick]");

  const int coldRounds = o.quick ? 5 : 40;
  const int warmChecks = o.quick ? 300 : 10000;
  const int growthRounds = o.quick ? 5 : 30;
  const std::vector<int> growthSizes = o.quick ? std::vector<int>{10, 100, 1000}
                                               : std::vector<int>{10, 1000, 100000};
  const int sites = 100;

  fs::path work = o.keep.empty() ? fs::temp_directory_path() / ("oneself-bench-" + std::to_string(::getpid()))
                                 : fs::path(o.keep);
  fs::create_directories(work);
  std::vector<Row> rows;

  json checkReq = ReadJson(fs::path(o.data) / "linkedin-check.json");
  checkReq["id"] = 2;
  const std::string helloFrame = bench::Frame(json{{"id", 1}, {"type", "hello"}, {"protocol", 1}}.dump());
  const std::string checkFrame = bench::Frame(checkReq.dump());

  // Stores for every growth size; the smallest also serves cold and warm.
  std::map<int, fs::path> stores;
  for (int n : growthSizes) {
    fs::path dir = work / ("store-" + std::to_string(n));
    if (!fs::exists(dir / "devices")) {
      auto t0 = Clock::now();
      SeedStore(o, dir, work / "state", n, sites);
      std::fprintf(stderr, "bench: seeded a store of %d revisions in %.1f s\n", n, MicrosSince(t0) / 1e6);
    }
    stores[n] = dir;
  }
  auto env = EnvFor(stores[growthSizes.front()], work / "state");

  // ---- Cold, interleaved: each round runs every host once, order rotated.
  std::vector<Host> hosts = {{"oneself", {o.oneself, g_origin}, true},
                             {"C floor", {o.floorHost, g_origin}, false}};
  if (!o.python.empty()) hosts.push_back({"Python sample", {"python3", o.python, g_origin}, false});
  if (!o.node.empty()) hosts.push_back({"Node sample", {"node", o.node, g_origin}, false});
  std::map<std::string, std::vector<double>> cold, startOnly;
  for (const auto& h : hosts) ColdOnce(h, env, helloFrame, checkFrame);  // warm the page cache
  for (int r = 0; r < coldRounds; ++r) {
    for (size_t k = 0; k < hosts.size(); ++k) {
      const Host& h = hosts[(k + static_cast<size_t>(r)) % hosts.size()];
      cold[h.label].push_back(ColdOnce(h, env, helloFrame, checkFrame));
      if (&h == &hosts[0] || &h == &hosts[1]) startOnly[h.label].push_back(StartOnly(h, env));  // oneself, floor
    }
  }
  // The same two, alternating with each other alone: no interpreter's 100 ms
  // of work in between to empty the caches and the TLB. For scale, like the
  // one-core warm rows: how much of the cold figure is the interleaving
  // (bench/README.md, what the cold figure is made of).
  std::map<std::string, std::vector<double>> alone;
  for (int r = 0; r < coldRounds; ++r) {
    for (size_t k = 0; k < 2; ++k) {
      const Host& h = hosts[(k + static_cast<size_t>(r)) % 2];
      alone[h.label].push_back(ColdOnce(h, env, helloFrame, checkFrame));
    }
  }
  double coldOneself = Median(cold["oneself"]), coldFloor = Median(cold["C floor"]);
  for (const auto& h : hosts)
    rows.push_back({"cold hello+check: " + h.label, Ms(Median(cold[h.label])) + " median", "", ""});
  rows.push_back({"cold oneself / C floor", Fmt("%.2fx", coldOneself / coldFloor), "<= 2x",
                  Verdict(coldOneself / coldFloor <= 2.0)});
  {
    double a = Median(alone["oneself"]), b = Median(alone["C floor"]);
    rows.push_back({"cold, the two alone: oneself/floor", Ms(a) + " / " + Ms(b) + Fmt(" (%.2fx)", a / b),
                    "", ""});
  }
  {
    double a = Median(startOnly["oneself"]), b = Median(startOnly["C floor"]);
    rows.push_back({"start only: oneself / C floor", Ms(a) + " / " + Ms(b) + Fmt(" (%.2fx)", a / b),
                    "", ""});
  }
  if (cold.count("Python sample")) {
    double ratio = Median(cold["Python sample"]) / coldOneself;
    rows.push_back({"cold Python sample / oneself", Fmt("%.1fx", ratio), ">= 20x", Verdict(ratio >= 20)});
  }
  if (cold.count("Node sample")) {
    double ratio = Median(cold["Node sample"]) / coldOneself;
    rows.push_back({"cold Node sample / oneself", Fmt("%.1fx", ratio), "", ""});
  }

  // ---- Warm: one long-lived host, many full checks. Two runs: as the
  // extension sends them (the page's photo as 1,024 gray values in the first
  // check, then as the fingerprint the host answered with, docs/protocol.md),
  // and with the gray values in every check, the worst case.
  struct Warm {
    std::vector<double> lat;
    double total = 0;
    long rss = 0;
  };
  auto warmRun = [&](bool grayEveryTime) {
    Warm w;
    Child h({o.oneself, g_origin}, env);
    Call(h, {{"id", 1}, {"type", "hello"}, {"protocol", 1}});
    w.lat.reserve(static_cast<size_t>(warmChecks));
    std::string frame = checkFrame;
    auto t0 = Clock::now();
    for (int i = 0; i < warmChecks; ++i) {
      auto t = Clock::now();
      if (!h.Write(frame)) Die("warm: write failed");
      auto body = h.Read();
      if (!body) Die("warm: the host closed");
      w.lat.push_back(MicrosSince(t));
      if (i > 0) continue;
      json first = json::parse(*body);
      if (!first.value("ok", false)) Die("warm check refused: " + body->substr(0, 300));
      if (grayEveryTime) continue;
      std::string phash = first["result"].value("photo", json::object()).value("phash", "");
      if (phash.empty()) Die("warm: the check reply carries no photo fingerprint");
      json next = checkReq;
      next["fields"]["photo"] = {{"phash", phash}};
      frame = bench::Frame(next.dump());
    }
    w.total = MicrosSince(t0);
    h.CloseInput();
    h.Wait(&w.rss);
    return w;
  };
  {
    Warm w = warmRun(false);
    double p99 = Percentile(w.lat, 99);
    rows.push_back({"warm checks (as the extension sends)", std::to_string(warmChecks) + " in " + Ms(w.total), "", ""});
    rows.push_back({"warm throughput", Fmt("%.0f checks/s", warmChecks / (w.total / 1e6)), "", ""});
    rows.push_back({"warm check p50", Ms(Percentile(w.lat, 50)), "", ""});
    rows.push_back({"warm check p99", Ms(p99), "< 200 us", Verdict(p99 < 200)});
    double mib = static_cast<double>(w.rss) / 1024.0;
    rows.push_back({"peak RSS over the warm run", Fmt("%.1f MiB", mib), "< 8 MiB", Verdict(mib < 8)});
    Warm g = warmRun(true);
    double gp99 = Percentile(g.lat, 99);
    rows.push_back({"warm, gray photo every check: p50", Ms(Percentile(g.lat, 50)), "", ""});
    rows.push_back({"warm, gray photo every check: p99", Ms(gp99), "< 200 us", Verdict(gp99 < 200)});

    // The pipe's own round trip, for scale: the C floor answering the same
    // frames with its fixed reply.
    auto floorRun = [&] {
      Child f({o.floorHost, g_origin}, env);
      std::vector<double> floorLat;
      for (int i = 0; i < warmChecks; ++i) {
        auto t = Clock::now();
        if (!f.Write(checkFrame) || !f.Read()) Die("warm: the C floor did not answer");
        floorLat.push_back(MicrosSince(t));
      }
      f.CloseInput();
      f.Wait();
      return floorLat;
    };
    std::vector<double> floorLat = floorRun();
    auto both = [](const std::vector<double>& lat) {
      return Ms(Percentile(lat, 50)) + " / " + Ms(Percentile(lat, 99));
    };
    rows.push_back({"warm round trip, C floor: p50 / p99", both(floorLat), "", ""});

    // The same two runs with the driver and the host held on one core. Each
    // round trip above wakes a process sleeping on the other core, which on
    // a virtual machine costs tens of microseconds a wake-up; here the
    // figure is the host's own work. For scale, not for the target.
    OneCore pin;
    if (pin.held()) {
      Warm one = warmRun(false);
      rows.push_back({"warm, one core: oneself p50 / p99", both(one.lat), "", ""});
      rows.push_back({"warm, one core: C floor p50 / p99", both(floorRun()), "", ""});
    }
  }

  // ---- Growth: fresh process per round, each verb timed inside it.
  {
    std::map<int, std::map<std::string, std::vector<double>>> g;
    const std::vector<std::pair<std::string, json>> verbs = {
        {"hello", {{"id", 1}, {"type", "hello"}, {"protocol", 1}}},
        {"profile.get", {{"id", 2}, {"type", "profile.get"}}},
        {"check", checkReq},
    };
    for (int r = 0; r < growthRounds; ++r) {
      for (size_t k = 0; k < growthSizes.size(); ++k) {
        int n = growthSizes[(k + static_cast<size_t>(r)) % growthSizes.size()];
        auto genv = EnvFor(stores[n], work / "state");
        auto t0 = Clock::now();
        Child h({o.oneself, g_origin}, genv);
        for (const auto& [name, req] : verbs) {
          auto t = Clock::now();
          json rep = Call(h, req);
          g[n][name].push_back(MicrosSince(t));
          if (!rep.value("ok", false)) Die("growth: " + name + " refused: " + rep.dump().substr(0, 200));
        }
        h.CloseInput();
        h.Wait();
        g[n]["start to exit"].push_back(MicrosSince(t0));
      }
    }
    for (const std::string name : {"hello", "profile.get", "check", "start to exit"}) {
      std::string fig;
      double small = Median(g[growthSizes.front()][name]), big = Median(g[growthSizes.back()][name]);
      for (int n : growthSizes) fig += (fig.empty() ? "" : " / ") + Ms(Median(g[n][name]));
      bool flat = big <= small * 1.5 || big - small < 100;
      rows.push_back({"growth " + name, fig, "flat", Verdict(flat)});
    }
    std::string sizes;
    for (int n : growthSizes) sizes += (sizes.empty() ? "" : " / ") + std::to_string(n);
    rows.push_back({"  (journal revisions)", sizes, "", ""});
  }

  // ---- Devices: stores of 1, 2 and 5 devices of the same number of entries
  // each, against one device holding as many as the five (the reference),
  // measured in the same rounds, order rotated. Each round runs every store
  // twice in a fresh process: first after its merged cache
  // (local/<key>/merged.json) was removed, as the first start after a sync
  // that brought new files, which reads every journal; then with the cache
  // that start wrote, as every later start.
  {
    const int perDevice = o.quick ? 100 : 20000;
    struct Config {
      int devices, entries;
      std::string label;
    };
    const std::vector<Config> configs = {{1, perDevice, "1x" + std::to_string(perDevice)},
                                         {2, perDevice, "2x" + std::to_string(perDevice)},
                                         {5, perDevice, "5x" + std::to_string(perDevice)},
                                         {1, 5 * perDevice, "1x" + std::to_string(5 * perDevice)}};
    std::vector<fs::path> dirs;
    for (const Config& c : configs) {
      fs::path dir = work / ("devices-" + c.label);
      if (!fs::exists(dir / "devices")) {
        auto t0 = Clock::now();
        SeedStore(o, dir, work / "state", c.entries, sites, c.devices);
        std::fprintf(stderr, "bench: seeded a store of %s entries in %.1f s\n", c.label.c_str(),
                     MicrosSince(t0) / 1e6);
      }
      dirs.push_back(dir);
    }
    auto dropCaches = [](const fs::path& dir) {
      for (const auto& k : fs::directory_iterator(dir / "local")) fs::remove(k.path() / "merged.json");
    };
    const std::vector<std::pair<std::string, json>> verbs = {
        {"hello", {{"id", 1}, {"type", "hello"}, {"protocol", 1}}},
        {"profile.get", {{"id", 2}, {"type", "profile.get"}}},
        {"check", checkReq},
    };
    // [cache state][config][measure]
    std::map<std::string, std::map<size_t, std::map<std::string, std::vector<double>>>> d;
    for (int r = 0; r < growthRounds; ++r) {
      for (size_t k = 0; k < configs.size(); ++k) {
        size_t c = (k + static_cast<size_t>(r)) % configs.size();
        for (const std::string cache : {"no cache", "cache"}) {
          if (cache == "no cache") dropCaches(dirs[c]);
          auto denv = EnvFor(dirs[c], work / "state");
          auto t0 = Clock::now();
          Child h({o.oneself, g_origin}, denv);
          for (const auto& [name, req] : verbs) {
            auto t = Clock::now();
            json rep = Call(h, req);
            d[cache][c][name].push_back(MicrosSince(t));
            if (!rep.value("ok", false)) Die("devices: " + name + " refused: " + rep.dump().substr(0, 200));
            if (name == "hello" && r == 0 && cache == "cache" &&
                rep["result"]["store"].value("revision", int64_t{0}) < configs[c].devices * configs[c].entries)
              Die("devices: the store " + configs[c].label + " holds fewer revisions than seeded");
          }
          h.CloseInput();
          h.Wait();
          d[cache][c]["start to exit"].push_back(MicrosSince(t0));
        }
      }
    }
    for (const std::string cache : {"cache", "no cache"}) {
      for (const std::string name : {"hello", "profile.get", "check", "start to exit"}) {
        std::string fig;
        double lo = INFINITY, hi = 0;
        for (size_t c = 0; c < configs.size(); ++c) {
          double m = Median(d[cache][c][name]);
          lo = std::min(lo, m);
          hi = std::max(hi, m);
          fig += (fig.empty() ? "" : " / ") + Ms(m);
        }
        if (cache == "cache") {
          rows.push_back({"devices " + name, fig, "flat", Verdict(hi <= lo * 1.5 || hi - lo < 100)});
        } else {
          // Reading every journal grows with the entries: no target, for scale.
          rows.push_back({"devices, no cache: " + name, fig, "", ""});
        }
      }
      std::string sizes;
      for (const Config& c : configs) sizes += (sizes.empty() ? "" : " / ") + c.label;
      rows.push_back({"  (devices x entries)", sizes, "", ""});
    }
  }

  // ---- Engine, in process (a separate binary linking the library).
  if (!o.engine.empty()) {
    Child e({o.engine, o.data, o.quick ? "2000" : "20000"}, env);
    e.CloseInput();
    std::string out = e.ReadAll();
    if (e.Wait() != 0) Die("the engine benchmark failed: " + out);
    json r = json::parse(out, nullptr, false);
    if (r.is_discarded()) Die("the engine benchmark printed no JSON: " + out);
    double check = r.value("check_median_us", NAN);
    rows.push_back({"engine: full Check, 2,600-char about", Fmt("%.1f us median", check), "< 50 us",
                    Verdict(check < 50)});
    rows.push_back({"engine: full Check p99", Fmt("%.1f us", r.value("check_p99_us", NAN)), "", ""});
    rows.push_back({"engine: PerceptualHash", Fmt("%.1f us median", r.value("phash_median_us", NAN)), "", ""});
  }

  // ---- The table.
  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::printf("\noneself benchmarks, %s, %ld cores%s\n\n", date, ::sysconf(_SC_NPROCESSORS_ONLN),
              o.quick ? ", quick (smoke) counts" : "");
  std::printf("%-34s %-34s %-10s %s\n", "measure", "figure", "target", "result");
  std::printf("%s\n", std::string(90, '-').c_str());
  for (const Row& r : rows)
    std::printf("%-34s %-34s %-10s %s\n", r.what.c_str(), r.figure.c_str(), r.target.c_str(), r.verdict.c_str());
  if (o.keep.empty()) fs::remove_all(work);
  return 0;
}
