// The real `oneself` binary started as a browser starts it (the extension's
// origin as argv[1], stdin/stdout pipes), on a temporary ONESELF_HOME.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>

#include <catch2/catch.hpp>

#include "../hardening/host_pipe.h"

using nlohmann::json;

namespace {

struct Home {
  hardening::TempDir dir{"oneself-blackbox"};
  std::vector<std::string> env = hardening::MakeEnv({{"ONESELF_HOME", (dir.path() / "store").string()},
                                                     {"XDG_STATE_HOME", (dir.path() / "state").string()},
                                                     {"HOME", dir.path().string()}});
  std::string errPath() const { return (dir.path() / "stderr").string(); }
  hardening::CommandResult Cli(const std::vector<std::string>& args) {
    return hardening::RunCommand(hardening::BinaryUnderTest(ONESELF_BINARY), args, env, errPath());
  }
  std::unique_ptr<hardening::HostProcess> Host(const std::string& origin = hardening::kAllowedOrigin) {
    auto host = std::make_unique<hardening::HostProcess>(hardening::BinaryUnderTest(ONESELF_BINARY), std::vector<std::string>{origin},
                                                         env, errPath());
    REQUIRE(host->started());
    return host;
  }
};

std::string Header(uint32_t n) { return std::string(reinterpret_cast<const char*>(&n), 4); }

}  // namespace

TEST_CASE("blackbox: hello over pipes with the Chromium origin", "[blackbox]") {
  Home home;
  auto host = home.Host();
  json r = host->Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}});
  REQUIRE(r.value("ok", false));
  CHECK(r["id"] == 1);
  CHECK(r["result"]["protocol"] == 1);
  CHECK(r["result"]["version"].is_string());
  CHECK(r["result"]["store"]["path"] == (home.dir.path() / "store").string());
  CHECK(r["result"]["store"]["exists"] == false);
  CHECK(r["result"]["store"]["revision"] == 0);
  REQUIRE(r["result"]["sites"].is_array());
  bool sawX = false;
  for (const json& s : r["result"]["sites"]) sawX = sawX || (s["id"] == "x" && s["limits"]["bio"] == 160);
  CHECK(sawX);

  json bad = host->Call({{"id", "v2"}, {"type", "hello"}, {"protocol", 2}});
  CHECK(bad["id"] == "v2");
  CHECK(bad["error"]["code"] == "unsupported_protocol");

  host->CloseInput();
  auto st = host->Wait();
  REQUIRE(st.has_value());
  CHECK(WIFEXITED(*st));
  CHECK(WEXITSTATUS(*st) == 0);
}

TEST_CASE("blackbox: a damaged store does not fail the handshake, and every verb that reads it says why", "[blackbox]") {
  Home home;
  {
    // A store of the single-journal format whose profile.json is damaged:
    // it cannot be upgraded, and nothing is changed.
    std::filesystem::create_directories(home.dir.path() / "store");
    std::filesystem::permissions(home.dir.path() / "store", std::filesystem::perms::owner_all);
    std::ofstream damaged(home.dir.path() / "store" / "profile.json", std::ios::trunc);
    damaged << "{\"not\": \"a profile\"}";
  }
  auto host = home.Host();
  const json hello = host->Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}});
  REQUIRE(hello.value("ok", false));
  CHECK(hello["result"]["protocol"] == 1);
  CHECK_FALSE(hello["result"]["sites"].empty());
  CHECK(hello["result"]["store"]["revision"].is_null());
  CHECK(hello["result"]["store"]["error"]["code"] == "store_error");
  const json get = host->Call({{"id", 2}, {"type", "profile.get"}});
  CHECK_FALSE(get.value("ok", true));
  CHECK(get["error"]["code"] == "store_error");
  CHECK(get["error"]["message"] == hello["result"]["store"]["error"]["message"]);
}

TEST_CASE("blackbox: the Firefox form of the command line is served too", "[blackbox]") {
  Home home;
  hardening::HostProcess host(hardening::BinaryUnderTest(ONESELF_BINARY), {"/usr/lib/mozilla/native-messaging-hosts/org.oneself.host.json",
                                               "oneself@oneself.org"},
                              home.env, home.errPath());
  json r = host.Call({{"id", 7}, {"type", "hello"}, {"protocol", 1}});
  CHECK(r.value("ok", false));
  hardening::HostProcess other(hardening::BinaryUnderTest(ONESELF_BINARY), {"/tmp/x.json", "evil@example.com"}, home.env, home.errPath());
  json f = other.Call({{"id", 8}, {"type", "hello"}, {"protocol", 1}});
  CHECK(f["error"]["code"] == "forbidden");
}

TEST_CASE("blackbox: update, get and conflict", "[blackbox]") {
  Home home;
  auto host = home.Host();
  json up = host->Call({{"id", "u1"}, {"type", "profile.update"}, {"baseRevision", 0},
                        {"profile", {{"headline", "Staff Software Engineer at Lumen Labs"}}}});
  REQUIRE(up.value("ok", false));
  CHECK(up["result"]["revision"] == 1);
  json get = host->Call({{"id", "g"}, {"type", "profile.get"}});
  CHECK(get["result"]["profile"]["headline"] == "Staff Software Engineer at Lumen Labs");
  CHECK(get["result"]["revision"] == 1);

  json stale = host->Call({{"id", "u2"}, {"type", "profile.update"}, {"baseRevision", 0},
                           {"profile", {{"headline", "Something else"}}}});
  CHECK(stale["ok"] == false);
  CHECK(stale["error"]["code"] == "conflict");
  json again = host->Call({{"id", "g2"}, {"type", "profile.get"}});
  CHECK(again["result"]["profile"]["headline"] == "Staff Software Engineer at Lumen Labs");

  // The CLI sees what the host wrote, and the host sees what the CLI writes.
  auto cli = home.Cli({"get", "headline"});
  CHECK(cli.exitCode == 0);
  CHECK(cli.out == "Staff Software Engineer at Lumen Labs\n");
  CHECK(home.Cli({"set", "location.city", "Boston"}).exitCode == 0);
  json after = host->Call({{"id", "g3"}, {"type", "profile.get"}});
  CHECK(after["result"]["profile"]["location"]["city"] == "Boston");
  CHECK(after["result"]["revision"] == 2);
}

TEST_CASE("blackbox: an origin that is not ours is answered forbidden, every time", "[blackbox]") {
  Home home;
  auto host = home.Host("chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/");
  for (const char* type : {"hello", "profile.get", "profile.update"}) {
    json r = host->Call({{"id", type}, {"type", type}, {"protocol", 1}, {"baseRevision", 0},
                         {"profile", {{"headline", "pwned"}}}});
    CHECK(r["id"] == type);
    CHECK(r["error"]["code"] == "forbidden");
  }
  CHECK_FALSE(std::filesystem::exists(home.dir.path() / "store" / "devices"));
}

TEST_CASE("blackbox: garbage frames get errors and the host stays in step", "[blackbox]") {
  Home home;
  auto host = home.Host();
  REQUIRE(host->SendBody("this is not json"));
  json r = host->ReadReply();
  CHECK(r["id"].is_null());
  CHECK(r["error"]["code"] == "bad_json");

  REQUIRE(host->SendBody(std::string("{\"id\":1,\"type\":\"hello\",\"x\":\"\xC3\x28\"}")));
  CHECK(host->ReadReply()["error"]["code"] == "bad_json");

  REQUIRE(host->SendBody("[1,2,3]"));
  CHECK(host->ReadReply()["error"]["code"] == "bad_request");

  REQUIRE(host->SendBody(R"({"id":{"a":1},"type":"hello","protocol":1})"));
  json objId = host->ReadReply();
  CHECK(objId["id"].is_null());
  CHECK(objId["error"]["code"] == "bad_request");

  REQUIRE(host->SendBody(R"({"id":"z","type":"no.such.verb"})"));
  json unknown = host->ReadReply();
  CHECK(unknown["id"] == "z");
  CHECK(unknown["error"]["code"] == "unknown_type");

  // An oversized frame is skipped whole; the next frame is answered in step.
  const uint32_t big = 8u * 1024u * 1024u + 1u;
  std::string oversized = Header(big) + std::string(big, ' ');
  oversized += hardening::Frame(R"({"id":"after","type":"hello","protocol":1})");
  REQUIRE(host->SendRaw(oversized));
  json tooLarge = host->ReadReply();
  CHECK(tooLarge["id"].is_null());
  CHECK(tooLarge["error"]["code"] == "too_large");
  json after = host->ReadReply();
  CHECK(after["id"] == "after");
  CHECK(after["ok"] == true);
}

TEST_CASE("blackbox: end of input exits 0, a cut frame exits non-zero", "[blackbox]") {
  Home home;
  {
    auto host = home.Host();
    host->CloseInput();
    auto st = host->Wait();
    REQUIRE(st.has_value());
    CHECK(WIFEXITED(*st));
    CHECK(WEXITSTATUS(*st) == 0);
  }
  {
    auto host = home.Host();
    REQUIRE(host->SendRaw(Header(100) + "{\"id\":"));
    host->CloseInput();
    auto st = host->Wait();
    REQUIRE(st.has_value());
    CHECK(WIFEXITED(*st));
    CHECK(WEXITSTATUS(*st) != 0);
  }
}

TEST_CASE("blackbox: SIGTERM and SIGHUP end a waiting host promptly", "[blackbox][posix]") {
  for (int sig : {SIGTERM, SIGHUP}) {
    Home home;
    auto host = home.Host();
    REQUIRE(host->Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}}).value("ok", false));
    const auto start = std::chrono::steady_clock::now();
    host->Kill(sig);
    auto st = host->Wait(5000);
    REQUIRE(st.has_value());
    CHECK(WIFEXITED(*st));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
}

TEST_CASE("blackbox: the host log holds no profile values and is private", "[blackbox][posix]") {
  Home home;
  const std::string secret = "Zebulon Quagmire-Secretvalue";
  {
    auto host = home.Host();
    REQUIRE(host->Call({{"id", 1}, {"type", "profile.update"}, {"baseRevision", 0},
                        {"profile", {{"name", {{"full", secret}}}}}})
                .value("ok", false));
    host->CloseInput();
    host->Wait();
  }
  const auto log = home.dir.path() / "state" / "oneself" / "oneself.log";
  REQUIRE(std::filesystem::exists(log));
  CHECK((std::filesystem::status(log).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("profile.update") != std::string::npos);
  CHECK(text.find("Zebulon") == std::string::npos);
}

TEST_CASE("blackbox: a host that logs nothing opens no log, and the first line names it", "[blackbox][posix]") {
  Home home;
  const auto log = home.dir.path() / "state" / "oneself" / "oneself.log";
  {
    auto host = home.Host();
    REQUIRE(host->Call({{"id", 1}, {"type", "hello"}, {"protocol", 1}}).value("ok", false));
    REQUIRE(host->Call({{"id", 2}, {"type", "check"}, {"site", "github"}, {"fields", {{"headline", "x"}}}})
                .contains("ok"));
    host->CloseInput();
    CHECK(host->Wait() == 0);
  }
  // hello and check succeed on every connection and keystroke: not logged,
  // and the log is not even created for them.
  CHECK_FALSE(std::filesystem::exists(log));
  {
    auto host = home.Host();
    REQUIRE(host->Call({{"id", 3}, {"type", "profile.get"}}).value("ok", false));
    host->CloseInput();
    CHECK(host->Wait() == 0);
  }
  REQUIRE(std::filesystem::exists(log));
  std::ifstream in(log);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  CHECK(first.find("host version=") != std::string::npos);
  CHECK(first.find(std::string("caller=") + hardening::kAllowedOrigin) != std::string::npos);
  CHECK(second.find("request type=profile.get id=3") != std::string::npos);
}
