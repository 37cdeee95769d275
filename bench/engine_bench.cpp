// The comparison engine in process (bench/README.md, "Engine"): the cost
// of one full compare::Check of every field against a canonical profile
// with a 2,600-character about, warm, and of compare::PerceptualHash on a
// 32x32 gray image. Prints one JSON line that
// bench_driver puts in the table.
//
//   bench_engine DATA_DIR [ITERATIONS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/engine.h"
#include "store/store.h"

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

json ReadJson(const std::string& path) {
  std::ifstream f(path);
  if (!f) {
    std::fprintf(stderr, "bench_engine: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return json::parse(f);
}

double Quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

template <typename F>
std::vector<double> Time(int iterations, F&& f) {
  for (int i = 0; i < std::max(10, iterations / 20); ++i) f();  // warm caches and allocator
  std::vector<double> us;
  us.reserve(static_cast<size_t>(iterations));
  for (int i = 0; i < iterations; ++i) {
    auto t0 = Clock::now();
    f();
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  return us;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_engine DATA_DIR [ITERATIONS]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 20000;

  json profile = ReadJson(dir + "/profile.json");
  const json gray = ReadJson(dir + "/photo-gray.json")["gray"];
  auto phash = oneself::compare::PerceptualHash(gray);
  if (!phash.ok()) {
    std::fprintf(stderr, "bench_engine: PerceptualHash: %s\n", phash.status().ToString().c_str());
    return 1;
  }
  profile["photo"] = {{"sha256", std::string(64, 'a')}, {"phash", *phash}};

  oneself::store::Snapshot snapshot;
  snapshot.revision = 42;
  snapshot.updated = "2026-11-25T10:00:00Z";
  snapshot.doc = {{"profile", profile},
                  {"sites", json::object()},
                  {"previous",
                   {{"headline", {{{"value", "Senior Software Engineer at Lumen Labs"},
                                   {"until", "2026-03-14T09:00:00Z"}}}},
                    {"location", {{{"value", "Cambridge, MA"}, {"until", "2024-01-10T09:00:00Z"}}}}}}};
  const json request = ReadJson(dir + "/linkedin-check.json");
  // The host keeps the last image's hash (compare/photo.cpp); each timed call
  // alternates with a copy whose first pixel is one level off (the same
  // picture, a different image) so that every call computes the hash.
  json nudgedGray = gray;
  nudgedGray[0] = gray[0].get<int>() ^ 1;
  json nudgedRequest = request;
  nudgedRequest["fields"]["photo"]["gray"] = nudgedGray;

  auto first = oneself::compare::Check(snapshot, request);
  if (!first.ok()) {
    std::fprintf(stderr, "bench_engine: Check: %s\n", first.status().ToString().c_str());
    return 1;
  }
  size_t sink = 0;
  int turn = 0;
  auto check = Time(iterations, [&] {
    auto r = oneself::compare::Check(snapshot, ++turn % 2 == 0 ? request : nudgedRequest);
    sink += r.ok() ? r->size() : 0;
  });
  auto hash = Time(iterations, [&] {
    auto r = oneself::compare::PerceptualHash(++turn % 2 == 0 ? gray : nudgedGray);
    sink += r.ok() ? r->size() : 0;
  });
  json out = {{"iterations", iterations},
              {"check_median_us", Quantile(check, 0.5)},
              {"check_p99_us", Quantile(check, 0.99)},
              {"phash_median_us", Quantile(hash, 0.5)},
              {"warnings", (*first)["warnings"].size()},
              {"sink", sink}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
