// The dispatcher: every frame gets one reply with the right id and a code
// from the closed set; forbidden callers; the reply size cap; caller check.
#include <catch2/catch.hpp>

#include "commands/command.h"
#include "compare/engine.h"
#include "protocol/caller_check.h"
#include "protocol/dispatch.h"
#include "protocol/limits.h"
#include "protocol/message.h"
#include "store_testing.h"

using namespace oneself;
using nlohmann::json;

namespace {

struct Harness {
  testing::TempDir dir;
  store::Store store{dir.path() / "store"};
  commands::Context ctx{store, store::Source::kExtension, [] { return std::string("2026-11-25T10:00:00Z"); }};
  protocol::Dispatcher dispatcher{ctx, true};
  json Send(std::string_view frame) {
    std::string reply = dispatcher.Handle(frame);
    REQUIRE(reply.size() <= protocol::kMaxReplyBytes);
    json parsed = json::parse(reply, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
  }
  json Call(const json& request) { return Send(request.dump()); }
};

}  // namespace

TEST_CASE("dispatch: ids are echoed as numbers or strings", "[protocol]") {
  Harness h;
  for (json id : {json(1), json(-3), json(2.5), json("abc"), json("")}) {
    json r = h.Call({{"id", id}, {"type", "hello"}, {"protocol", 1}});
    CHECK(r["id"] == id);
    CHECK(r["ok"] == true);
  }
}

TEST_CASE("dispatch: bad JSON, bad ids and bad shapes get id null or the id", "[protocol]") {
  Harness h;
  struct Case {
    std::string frame;
    std::string code;
    json id;
  };
  const Case cases[] = {
      {"", "bad_json", nullptr},
      {"{", "bad_json", nullptr},
      {"not json", "bad_json", nullptr},
      {"{\"id\":1,\"type\":\"hello\",\"s\":\"\xFF\"}", "bad_json", nullptr},           // invalid UTF-8
      {"{\"id\":1,\"type\":\"hello\",\"s\":\"\xED\xA0\x80\"}", "bad_json", nullptr},   // raw surrogate
      {R"({"id":1,"type":"hello","s":"\ud800"})", "bad_json", nullptr},               // lone surrogate escape
      {std::string(100000, '[') + std::string(100000, ']'), "bad_json", nullptr},     // deep nesting
      {"[]", "bad_request", nullptr},
      {"42", "bad_request", nullptr},
      {R"({"type":"hello"})", "bad_request", nullptr},
      {R"({"id":null,"type":"hello"})", "bad_request", nullptr},
      {R"({"id":true,"type":"hello"})", "bad_request", nullptr},
      {R"({"id":[1],"type":"hello"})", "bad_request", nullptr},
      {R"({"id":{"a":1},"type":"hello"})", "bad_request", nullptr},
      {R"({"id":5})", "bad_request", 5},
      {R"({"id":5,"type":7})", "bad_request", 5},
      {R"({"id":"q","type":"nope"})", "unknown_type", "q"},
      {R"({"id":6,"type":"hello"})", "bad_request", 6},
      {R"({"id":6,"type":"hello","protocol":"1"})", "bad_request", 6},
      {R"({"id":6,"type":"hello","protocol":2})", "unsupported_protocol", 6},
      {R"({"id":6,"type":"profile.get","type":"profile.update"})", "bad_json", nullptr},  // duplicate key
      {R"({"id":6,"type":"hello","protocol":1,"x":{"a":1,"a":2}})", "bad_json", nullptr},
  };
  for (const Case& c : cases) {
    INFO("frame " << c.frame.substr(0, 80));
    json r = h.Send(c.frame);
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["message"].get<std::string>().size() > 5);
    CHECK(r["id"] == c.id);
  }
  // The same key in two different objects is not a repeat.
  CHECK(h.Send(R"({"id":1,"type":"hello","protocol":1,"a":{"k":1},"b":[{"k":2},{"k":3}]})")["ok"] == true);
  // Multi-byte UTF-8 and NUL escapes are fine.
  json ok = h.Send("{\"id\":\"\xE2\x82\xAC\\u0000\",\"type\":\"hello\",\"protocol\":1}");
  CHECK(ok["ok"] == true);
  CHECK(ok["id"] == std::string("\xE2\x82\xAC\0", 4));
}

TEST_CASE("dispatch: a forbidden caller gets forbidden for every request", "[protocol]") {
  testing::TempDir dir;
  store::Store store(dir.path() / "store");
  commands::Context ctx{store, store::Source::kExtension, commands::NowUtc};
  protocol::Dispatcher dispatcher(ctx, false);
  for (const char* type : {"hello", "profile.get", "profile.update", "nope"}) {
    json r = json::parse(dispatcher.Handle(json{{"id", type}, {"type", type}, {"protocol", 1}}.dump()));
    CHECK(r["id"] == type);
    CHECK(r["error"]["code"] == "forbidden");
  }
  // Garbage is still reported as garbage (there is no id to answer).
  CHECK(json::parse(dispatcher.Handle("xx"))["error"]["code"] == "bad_json");
}

TEST_CASE("dispatch: a reply over 1 MiB becomes too_large", "[protocol]") {
  std::string fits = protocol::OkReply(9, {{"text", std::string(1000, 'a')}});
  const std::string original = fits;
  CHECK_FALSE(protocol::CapReply(9, fits));
  CHECK(fits == original);
  std::string edge = protocol::OkReply(9, {{"t", std::string(protocol::kMaxReplyBytes - 40, 'a')}});
  REQUIRE(edge.size() <= protocol::kMaxReplyBytes);
  CHECK_FALSE(protocol::CapReply(9, edge));
  std::string big = protocol::OkReply("x", {{"text", std::string(protocol::kMaxReplyBytes, 'a')}});
  CHECK(protocol::CapReply("x", big));
  json capped = json::parse(big);
  CHECK(capped["id"] == "x");
  CHECK(capped["ok"] == false);
  CHECK(capped["error"]["code"] == "too_large");
}

TEST_CASE("dispatch: the too-large-request reply", "[protocol]") {
  Harness h;
  json r = json::parse(h.dispatcher.TooLargeRequest(protocol::kMaxRequestBytes + 1));
  CHECK(r["id"].is_null());
  CHECK(r["error"]["code"] == "too_large");
}

TEST_CASE("caller check: who may start the host", "[protocol]") {
  using protocol::IdentifyCaller;
  auto chrome = IdentifyCaller({"chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/"});
  CHECK(chrome.hostMode);
  CHECK(chrome.allowed);
  auto chromeWin = IdentifyCaller({"chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/", "--parent-window=0"});
  CHECK(chromeWin.allowed);
  auto other = IdentifyCaller({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"});
  CHECK(other.hostMode);
  CHECK_FALSE(other.allowed);
  auto prefix = IdentifyCaller({"chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/evil"});
  CHECK_FALSE(prefix.allowed);
  auto firefox = IdentifyCaller({"/home/a/.mozilla/native-messaging-hosts/org.oneself.host.json", "oneself@oneself.org"});
  CHECK(firefox.hostMode);
  CHECK(firefox.allowed);
  auto firefoxOther = IdentifyCaller({"/home/a/.mozilla/native-messaging-hosts/org.oneself.host.json", "x@y"});
  CHECK(firefoxOther.hostMode);
  CHECK_FALSE(firefoxOther.allowed);
  // Firefox on Windows names the manifest with backslashes.
  auto firefoxWin = IdentifyCaller({"C:\\Users\\Zo\u00eb\\AppData\\Local\\oneself\\org.oneself.host.firefox.json",
                                    "oneself@oneself.org"});
  CHECK(firefoxWin.hostMode);
  CHECK(firefoxWin.allowed);
  CHECK(firefoxWin.name == "oneself@oneself.org");
  auto chromeWinOther = IdentifyCaller({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/", "--parent-window=4242"});
  CHECK(chromeWinOther.hostMode);
  CHECK_FALSE(chromeWinOther.allowed);
  auto byHand = IdentifyCaller({"host"});
  CHECK(byHand.hostMode);
  CHECK(byHand.allowed);
  CHECK_FALSE(IdentifyCaller({"host", "--help"}).hostMode);
  CHECK_FALSE(IdentifyCaller({"show"}).hostMode);
  CHECK_FALSE(IdentifyCaller({"import", "resume.json"}).hostMode);
  CHECK_FALSE(IdentifyCaller({}).hostMode);
}

TEST_CASE("dispatch: an ok reply is exactly the JSON object {id, ok, result}", "[protocol]") {
  const json result = {{"warnings", json::array({{{"field", "bio"}, {"observed", "caf\u00e9 \u2014 \"q\""}}})},
                       {"revision", 7},
                       {"empty", json::object()}};
  for (const json& id : {json(9), json("req-1"), json(-3), json(2.5), json("\u00e9\"\\")}) {
    const std::string reply = protocol::OkReply(id, result);
    const json expected = {{"id", id}, {"ok", true}, {"result", result}};
    CHECK(reply == expected.dump());
    CHECK(json::parse(reply) == expected);
  }
}

TEST_CASE("dispatch: a photo's gray values are read as bytes and answered as numbers would be",
          "[protocol]") {
  json gray = json::array();
  for (int i = 0; i < 1024; ++i) gray.push_back((i * 7) % 256);
  const std::string frame =
      json{{"id", 1}, {"type", "check"}, {"site", "linkedin"}, {"fields", {{"photo", {{"gray", gray}}}}}}.dump();
  // The request reader keeps them as one binary value (json/parse.h)...
  protocol::ParsedRequest parsed = protocol::ParseRequest(frame);
  REQUIRE(parsed.status.ok());
  const json& read = parsed.request.body["fields"]["photo"]["gray"];
  REQUIRE(read.is_binary());
  CHECK(read.get_binary().size() == 1024);
  CHECK(read.get_binary()[5] == 35);
  // ...and the verbs answer as they do for the array: check with the same
  // fingerprint, photo.set storing the same hash; a wrong count is refused.
  Harness h;
  auto expected = compare::PerceptualHash(gray);
  REQUIRE(expected.ok());
  json r = h.Send(frame);
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["photo"] == json({{"phash", *expected}}));
  r = h.Call({{"id", 2}, {"type", "photo.set"}, {"gray", gray}});
  REQUIRE(r["ok"] == true);
  CHECK(h.Call({{"id", 3}, {"type", "profile.get"}})["result"]["profile"]["photo"]["phash"] == *expected);
  gray.erase(gray.begin());
  r = h.Call({{"id", 4}, {"type", "photo.set"}, {"gray", gray}});
  CHECK(r["error"]["code"] == "bad_request");
  gray.push_back(256);
  r = h.Call({{"id", 5}, {"type", "check"}, {"site", "linkedin"}, {"fields", {{"photo", {{"gray", gray}}}}}});
  CHECK(r["error"]["code"] == "bad_request");
}
