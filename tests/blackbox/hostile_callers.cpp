// The second line of defence (issue 2, issue 7): a host started by anyone
// but our pinned extension answers every request `forbidden` and writes
// nothing. Also: the log never carries profile values.
#include <fstream>

#include "hostile_fixture.h"

using hostile::ExpectError;
using hostile::Fixture;
using nlohmann::json;

namespace {

void ExpectForbiddenEverywhere(Fixture& fx) {
  // An argv that is no browser's way of starting a host may not start the
  // host at all (the CLI refuses it): then nothing is answered, the process
  // fails, and nothing is written.
  auto first = fx.host().Call({{"id", 0}, {"type", "hello"}, {"protocol", 1}});
  if (first.is_discarded()) {
    fx.host().CloseInput();
    auto st = fx.host().Wait(20000);
    REQUIRE(st.has_value());
    CHECK(WIFEXITED(*st));
    CHECK(WEXITSTATUS(*st) != 0);
    fx.ExpectStoreUntouched();
    return;
  }
  ExpectError(first, {"forbidden"});
  const json requests[] = {
      {{"id", 1}, {"type", "hello"}, {"protocol", 1}},
      {{"id", 2}, {"type", "profile.get"}},
      {{"id", 3}, {"type", "profile.update"}, {"baseRevision", 1}, {"profile", {{"headline", "pwned"}}}},
      {{"id", 4}, {"type", "check"}, {"site", "linkedin"}, {"fields", {{"headline", "x"}}}},
      {{"id", 5}, {"type", "ignore.add"}, {"site", "x"}, {"field", "headline"}, {"observed", "x"}},
      {{"id", 6}, {"type", "profile.history"}},
      {{"id", 7}, {"type", "no.such.verb"}},
  };
  for (const json& req : requests) {
    json r = fx.host().Call(req);
    INFO("request " << req.dump());
    ExpectError(r, {"forbidden"});
    CHECK(r["id"] == req["id"]);
    // A forbidden reply leaks nothing of the profile.
    CHECK(r.dump().find(hostile::kHeadline) == std::string::npos);
  }
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

}  // namespace

TEST_CASE("hostile: callers that are not our extension are forbidden", "[hostile][security]") {
  const std::vector<std::vector<std::string>> callers = {
      {"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"},
      // Our id as a prefix, or with a path, or another scheme: not our origin.
      {"chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalhx/"},
      {"chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/evil"},
      {"chrome-extension://obejlgbmhghechkgdgmjlheaeplnmal/"},
      {"https://obejlgbmhghechkgdgmjlheaeplnmalh/"},
      {"moz-extension://obejlgbmhghechkgdgmjlheaeplnmalh/"},
      // Firefox: manifest path, then an add-on id that is not ours.
      {"/home/u/.mozilla/native-messaging-hosts/org.oneself.host.json", "evil@example.org"},
      {"/home/u/.mozilla/native-messaging-hosts/org.oneself.host.json", "oneself@oneself.org.evil"},
      {"/home/u/.mozilla/native-messaging-hosts/org.oneself.host.json", ""},
  };
  for (const auto& args : callers) {
    INFO("argv " << args.front() << (args.size() > 1 ? " " + args[1] : ""));
    Fixture fx(args);
    ExpectForbiddenEverywhere(fx);
  }
}

TEST_CASE("hostile: the allowed callers are answered", "[hostile][security]") {
  const std::vector<std::vector<std::string>> callers = {
      {hardening::kAllowedOrigin},
      {"/home/u/.mozilla/native-messaging-hosts/org.oneself.host.json", "oneself@oneself.org"},
  };
  for (const auto& args : callers) {
    Fixture fx(args);
    fx.ExpectStillAnswers();
    fx.ExpectCleanExit();
  }
}

TEST_CASE("hostile: the log carries no profile values", "[hostile][security]") {
  const std::string secret = "Zanzibar Quokka Consulting 7731";
  {
    Fixture fx;
    int64_t rev = hostile::Revision(fx.host());
    json r = fx.host().Call({{"id", 1}, {"type", "profile.update"}, {"baseRevision", rev},
                             {"profile", {{"headline", secret}, {"email", "quokka7731@example.com"}}}});
    REQUIRE(r.value("ok", false));
    fx.host().Call({{"id", 2}, {"type", "check"}, {"site", "linkedin"},
                    {"fields", {{"headline", secret + " observed"}, {"name", "Quokka Observed"}}}});
    fx.host().Call({{"id", 3}, {"type", "profile.get"}});
    // Refused requests must not echo values into the log either.
    fx.host().Call({{"id", 4}, {"type", "profile.update"}, {"baseRevision", 0},
                    {"profile", {{"headline", secret + " stale"}}}});
    fx.ExpectCleanExit();

    std::string all;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(fx.home() / "state", ec)) {
      if (!e.is_regular_file()) continue;
      std::ifstream f(e.path(), std::ios::binary);
      all.append(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    }
    std::ifstream f(fx.stderrPath(), std::ios::binary);
    all.append(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    INFO("log bytes " << all.size());
    CHECK(all.find("Zanzibar") == std::string::npos);
    CHECK(all.find("quokka7731") == std::string::npos);
    CHECK(all.find("Quokka Observed") == std::string::npos);
  }
}
