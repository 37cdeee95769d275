// A real `oneself` host on a temporary store with a known profile, for the
// hostile-input tests: send it what a hostile page or a broken file would,
// then check that the reply is a clear error, the store is byte-for-byte
// untouched, and the host still answers.
#pragma once

#include <sys/wait.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../hardening/host_pipe.h"

namespace hostile {

using nlohmann::json;

inline constexpr const char* kHeadline = "Staff Software Engineer at Lumen Labs";

// Whether the observations count as part of the store. A successful `check`
// (view mode) may write them; a test that sends none compares them too, so
// that a refused request that wrote one is caught.
enum class Observations { kSkip, kCompare };

// A whole file's bytes ("" when it cannot be read).
inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// observations/<site>.json, or the older observations.json
inline bool IsObservation(const std::string& relative) { return relative.rfind("observations", 0) == 0; }

class Fixture {
 public:
  explicit Fixture(std::vector<std::string> args = {hardening::kAllowedOrigin})
      : home_("oneself-hostile") {
    env_ = hardening::MakeEnv({{"ONESELF_HOME", storeDir().string()},
                               {"XDG_STATE_HOME", (home_.path() / "state").string()},
                               {"HOME", home_.path().string()}});
    REQUIRE(Cli({"init"}).exitCode == 0);
    REQUIRE(Cli({"set", "headline", kHeadline}).exitCode == 0);
    before_ = StoreFiles(Observations::kCompare);
    REQUIRE(!before_.empty());
    host_ = std::make_unique<hardening::HostProcess>(hardening::BinaryUnderTest(ONESELF_BINARY), args, env_, stderrPath());
    REQUIRE(host_->started());
  }

  hardening::HostProcess& host() { return *host_; }
  const std::vector<std::string>& env() const { return env_; }
  std::filesystem::path storeDir() const { return home_.path() / "store"; }
  std::filesystem::path home() const { return home_.path(); }
  std::string stderrPath() const { return (home_.path() / "host.stderr").string(); }

  hardening::CommandResult Cli(const std::vector<std::string>& args) {
    return hardening::RunCommand(hardening::BinaryUnderTest(ONESELF_BINARY), args, env_, (home_.path() / "cli.stderr").string());
  }

  // Every file of the store except the lock (whose content is nothing) and,
  // unless asked for, the observations.
  std::map<std::string, std::string> StoreFiles(Observations observations = Observations::kSkip) const {
    std::map<std::string, std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(storeDir())) {
      if (!e.is_regular_file()) continue;
      const std::string relative = e.path().lexically_relative(storeDir()).string();
      if (relative == "lock") continue;
      if (observations == Observations::kSkip && IsObservation(relative)) continue;
      out[relative] = ReadAll(e.path());
    }
    return out;
  }

  void ExpectStoreUntouched(Observations observations = Observations::kSkip) const {
    auto now = StoreFiles(observations);
    std::map<std::string, std::string> before;
    for (const auto& [name, bytes] : before_) {
      if (observations == Observations::kCompare || !IsObservation(name)) before[name] = bytes;
    }
    for (const auto& [name, bytes] : before) {
      INFO("store file " << name);
      CHECK(now.count(name) == 1);
      if (now.count(name)) CHECK(now.at(name) == bytes);
    }
    for (const auto& [name, bytes] : now) {
      INFO("new store file " << name);
      CHECK(before.count(name) == 1);
    }
  }

  // The host is alive and in step: a hello gets its own answer.
  void ExpectStillAnswers() {
    static int n = 0;
    std::string id = "still-there-" + std::to_string(++n);
    json r = host_->Call({{"id", id}, {"type", "hello"}, {"protocol", 1}});
    REQUIRE_FALSE(r.is_discarded());
    CHECK(r["id"] == id);
    CHECK(r.value("ok", false));
  }

  // The host exits by itself, without a signal (no crash, no sanitizer abort).
  void ExpectCleanExit(std::set<int> codes = {0}) {
    host_->CloseInput();
    auto st = host_->Wait(20000);
    REQUIRE(st.has_value());
    INFO("wait status " << *st);
    REQUIRE(WIFEXITED(*st));
    CHECK(codes.count(WEXITSTATUS(*st)) == 1);
  }

 private:
  hardening::TempDir home_;
  std::vector<std::string> env_;
  std::map<std::string, std::string> before_;
  std::unique_ptr<hardening::HostProcess> host_;
};

// An error reply with one of `codes` and a message a person can read.
inline void ExpectError(const json& reply, std::set<std::string> codes) {
  REQUIRE_FALSE(reply.is_discarded());
  INFO("reply " << reply.dump().substr(0, 400));
  REQUIRE(reply.contains("ok"));
  CHECK(reply["ok"] == false);
  REQUIRE(reply.contains("error"));
  std::string code = reply["error"].value("code", "");
  CHECK(codes.count(code) == 1);
  CHECK(reply["error"].value("message", "").size() > 3);
}

inline int64_t Revision(hardening::HostProcess& host) {
  json r = host.Call({{"id", "rev"}, {"type", "profile.get"}});
  REQUIRE(r.value("ok", false));
  return r["result"]["revision"].get<int64_t>();
}

}  // namespace hostile
