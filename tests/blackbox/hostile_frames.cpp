// Hostile frames and hostile JSON against the real host: each gets
// a clear error, nothing crashes, the store is untouched, and where the frame
// boundary is intact the host answers the next request.
#include <cstring>
#include <fstream>

#include "hostile_fixture.h"

using hostile::ExpectError;
using hostile::Fixture;
using nlohmann::json;

namespace {

std::string Header(uint32_t len) { return std::string(reinterpret_cast<const char*>(&len), 4); }

// The peak resident memory of a running process, in KiB (VmHWM).
long PeakRssKiB(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

// `n` zero bytes in 1 MiB writes: an announced body, sent in full.
bool SendZeros(hardening::HostProcess& host, uint64_t n) {
  static const std::string chunk(1u << 20, '\0');
  while (n > 0) {
    const size_t k = n < chunk.size() ? static_cast<size_t>(n) : chunk.size();
    if (!host.SendRaw(std::string_view(chunk).substr(0, k))) return false;
    n -= k;
  }
  return true;
}

}  // namespace

TEST_CASE("hostile: a zero-length frame is bad_json and the host goes on", "[hostile]") {
  Fixture fx;
  REQUIRE(fx.host().SendRaw(Header(0)));
  json r = fx.host().ReadReply();
  ExpectError(r, {"bad_json"});
  CHECK(r["id"].is_null());
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: a one-byte frame is bad_json and the host goes on", "[hostile]") {
  Fixture fx;
  const std::string bodies[] = {"{", "1", "\"", "\xff", std::string(1, '\0')};
  for (const std::string& body : bodies) {
    REQUIRE(fx.host().SendBody(body));
    json r = fx.host().ReadReply();
    INFO("body byte " << static_cast<int>(static_cast<unsigned char>(body[0])));
    ExpectError(r, {"bad_json", "bad_request"});
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

// The whole body is sent: the boundary stays intact, so the host owes a
// too_large reply and the next answer, without ever holding 2-4 GiB.
TEST_CASE("hostile: frame lengths 2^31 and 2^32-1 are too_large, never allocated", "[hostile]") {
  for (uint32_t len : {0x80000000u, 0xffffffffu}) {
    INFO("announced length " << len);
    Fixture fx;
    REQUIRE(fx.host().SendRaw(Header(len)));
    REQUIRE(SendZeros(fx.host(), len));
    json r = fx.host().ReadReply();
    ExpectError(r, {"too_large"});
    CHECK(r["id"].is_null());
    CHECK_THAT(r["error"].value("message", ""), Catch::Contains(std::to_string(len) + " bytes"));
    long peak = PeakRssKiB(fx.host().pid());
    INFO("peak RSS " << peak << " KiB");
    CHECK(peak > 0);
    CHECK(peak < 64 * 1024);
    fx.ExpectStillAnswers();
    fx.ExpectStoreUntouched();
    fx.ExpectCleanExit();
  }
}

TEST_CASE("hostile: an oversized frame cut short ends the host with exit 1", "[hostile]") {
  Fixture fx;
  REQUIRE(fx.host().SendRaw(Header(0xffffffffu)));
  // Some of the announced body, then nothing: the host must be discarding,
  // not holding 4 GiB.
  REQUIRE(SendZeros(fx.host(), 1u << 20));
  ::usleep(100000);
  long peak = PeakRssKiB(fx.host().pid());
  INFO("peak RSS " << peak << " KiB");
  CHECK(peak > 0);
  CHECK(peak < 64 * 1024);
  fx.ExpectCleanExit({1});
  CHECK_THAT(hostile::ReadAll(fx.stderrPath()),
             Catch::Contains("frame cut short while skipping an oversized frame of 4294967295 bytes"));
  fx.ExpectStoreUntouched();
}

TEST_CASE("hostile: a 9 MiB frame is too_large and the next frame is read in step", "[hostile]") {
  Fixture fx;
  std::string body = R"({"id":"big","type":"hello","protocol":1,"pad":")" +
                     std::string(9u << 20, 'x') + "\"}";
  REQUIRE(fx.host().SendBody(body));
  json r = fx.host().ReadReply();
  ExpectError(r, {"too_large"});
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

// The stream is broken where the frame ends early: no next request can be
// found, so the host says why in its log and exits 1.
TEST_CASE("hostile: a frame cut short ends the host with exit 1", "[hostile]") {
  SECTION("inside the body") {
    Fixture fx;
    std::string body = json{{"id", 1}, {"type", "profile.update"}, {"baseRevision", 1},
                            {"profile", {{"headline", "half a frame"}}}}.dump();
    REQUIRE(fx.host().SendRaw(Header(static_cast<uint32_t>(body.size())) + body.substr(0, body.size() / 2)));
    fx.ExpectCleanExit({1});
    CHECK_THAT(hostile::ReadAll(fx.stderrPath()),
               Catch::Contains("frame cut short: " + std::to_string(body.size() / 2) + " of " +
                               std::to_string(body.size()) + " body bytes"));
    fx.ExpectStoreUntouched();
  }
  SECTION("inside the header") {
    Fixture fx;
    REQUIRE(fx.host().SendRaw(std::string("\x10\x00", 2)));
    fx.ExpectCleanExit({1});
    CHECK_THAT(hostile::ReadAll(fx.stderrPath()), Catch::Contains("frame cut short: 2 of 4 header bytes"));
    fx.ExpectStoreUntouched();
  }
}

TEST_CASE("hostile: invalid UTF-8 is bad_json and changes nothing", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  const std::string bad[] = {"\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "abc\x80",
                             "\xe2\x82"};
  for (const std::string& b : bad) {
    std::string body = R"({"id":1,"type":"profile.update","baseRevision":)" + std::to_string(rev) +
                       R"(,"profile":{"headline":")" + b + R"("}})";
    REQUIRE(fx.host().SendBody(body));
    ExpectError(fx.host().ReadReply(), {"bad_json"});
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: text after the document, a NUL byte included, is bad_json", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  const std::string update = R"({"id":1,"type":"profile.update","baseRevision":)" + std::to_string(rev) +
                             R"(,"profile":{"headline":"pwned"}})";
  for (const std::string& tail : {std::string("\0junk", 5), std::string(" {}"), std::string("x")}) {
    REQUIRE(fx.host().SendBody(update + tail));
    ExpectError(fx.host().ReadReply(), {"bad_json"});
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: lone surrogate escapes are refused", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  for (const char* s : {"\\ud800", "\\udfff", "x\\ud83dy", "\\udc00\\ud800"}) {
    std::string body = R"({"id":2,"type":"profile.update","baseRevision":)" + std::to_string(rev) +
                       R"(,"profile":{"headline":")" + s + R"("}})";
    REQUIRE(fx.host().SendBody(body));
    INFO("escape " << s);
    ExpectError(fx.host().ReadReply(), {"bad_json", "bad_request"});
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: JSON nested 100,000 deep is refused without exhausting the stack", "[hostile]") {
  Fixture fx;
  const size_t depth = 100000;
  std::string arrays = std::string(depth, '[') + std::string(depth, ']');
  std::string objects;
  for (size_t i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(depth, '}');
  for (const std::string& nested : {arrays, objects}) {
    REQUIRE(fx.host().SendBody(nested));
    ExpectError(fx.host().ReadReply(), {"bad_json"});
    std::string inRequest = R"({"id":3,"type":"check","site":"linkedin","fields":{"headline":)" + nested + "}}";
    REQUIRE(fx.host().SendBody(inRequest));
    ExpectError(fx.host().ReadReply(), {"bad_json"});
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: a 7 MiB string is refused by the store and survives a check", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  std::string big(7u << 20, 'A');
  json update = {{"id", 4}, {"type", "profile.update"}, {"baseRevision", rev},
                 {"profile", {{"headline", big}}}};
  ExpectError(fx.host().Call(update), {"bad_request", "too_large"});
  fx.ExpectStoreUntouched();

  // A page may show anything: the check is answered (with a too_long warning
  // or an error), the reply fits the browsers' 1 MiB limit, and the host goes on.
  json check = {{"id", 5}, {"type", "check"}, {"site", "linkedin"}, {"mode", "view"},
                {"fields", {{"bio", big}}}};
  REQUIRE(fx.host().Send(check));
  auto body = fx.host().ReadFrameBody();
  REQUIRE(body.has_value());  // ReadFrameBody refuses frames over 1 MiB
  json r = json::parse(*body, nullptr, false);
  REQUIRE_FALSE(r.is_discarded());
  CHECK(r["id"] == 5);
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: ids of every JSON type", "[hostile]") {
  Fixture fx;
  SECTION("numbers and strings are echoed exactly") {
    for (const char* id : {"0", "-1", "42", "9007199254740993", "1.5", "-0.25", "1e300",
                           "\"\"", "\"x\"", "\"\\u00e9\\u4e2d\"", "\"<script>\""}) {
      std::string body = std::string(R"({"id":)") + id + R"(,"type":"hello","protocol":1})";
      REQUIRE(fx.host().SendBody(body));
      json r = fx.host().ReadReply();
      INFO("id " << id);
      REQUIRE_FALSE(r.is_discarded());
      CHECK(r["id"] == json::parse(id));
      CHECK(r.value("ok", false));
    }
  }
  SECTION("other types are bad_request with a null id") {
    for (const char* id : {"null", "true", "false", "[]", "[1]", "{}", "{\"a\":1}"}) {
      std::string body = std::string(R"({"id":)") + id + R"(,"type":"hello","protocol":1})";
      REQUIRE(fx.host().SendBody(body));
      json r = fx.host().ReadReply();
      INFO("id " << id);
      ExpectError(r, {"bad_request"});
      CHECK(r["id"].is_null());
    }
  }
  SECTION("no id at all") {
    REQUIRE(fx.host().SendBody(R"({"type":"hello","protocol":1})"));
    json r = fx.host().ReadReply();
    REQUIRE_FALSE(r.is_discarded());
    CHECK(r["id"].is_null());
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

// Which "type" wins would decide whether a request writes: a repeated key is
// refused, never resolved.
TEST_CASE("hostile: duplicate keys are refused, never silently resolved", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  std::string r = std::to_string(rev);
  const std::string bodies[] = {
      // Which "type" wins decides whether this writes: refuse it.
      R"({"id":6,"type":"profile.get","type":"profile.update","baseRevision":)" + r +
          R"(,"profile":{"headline":"dup"}})",
      R"({"id":6,"type":"profile.update","baseRevision":)" + r +
          R"(,"profile":{"headline":"one","headline":"two"}})",
      R"({"id":6,"id":7,"type":"hello","protocol":1})",
  };
  for (const std::string& body : bodies) {
    REQUIRE(fx.host().SendBody(body));
    INFO("body " << body);
    ExpectError(fx.host().ReadReply(), {"bad_json", "bad_request"});
  }
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: NUL bytes inside strings", "[hostile]") {
  Fixture fx;
  int64_t rev = hostile::Revision(fx.host());
  SECTION("a raw NUL byte is not JSON") {
    std::string body = R"({"id":8,"type":"profile.update","baseRevision":)" + std::to_string(rev) +
                       R"(,"profile":{"headline":"a)" + std::string(1, '\0') + R"(b"}})";
    REQUIRE(fx.host().SendBody(body));
    ExpectError(fx.host().ReadReply(), {"bad_json"});
    fx.ExpectStoreUntouched();
  }
  SECTION("an escaped NUL is refused or kept exactly, never cut") {
    std::string value = std::string("Lumen") + '\0' + "Labs";
    json r = fx.host().Call({{"id", 9}, {"type", "profile.update"}, {"baseRevision", rev},
                             {"profile", {{"headline", value}}}});
    REQUIRE_FALSE(r.is_discarded());
    if (r.value("ok", false)) {
      json get = fx.host().Call({{"id", 10}, {"type", "profile.get"}});
      CHECK(get["result"]["profile"]["headline"] == value);
      CHECK(hardening::VerifyReportPasses(fx.Cli({"verify", "--json"})));
    } else {
      ExpectError(r, {"bad_request", "bad_json"});
      fx.ExpectStoreUntouched();
    }
    // A check whose observed values hold NULs is answered.
    json c = fx.host().Call({{"id", 11}, {"type", "check"}, {"site", "linkedin"},
                             {"fields", {{"headline", value}, {"name", value}}}});
    REQUIRE_FALSE(c.is_discarded());
    CHECK(c["id"] == 11);
  }
  fx.ExpectStillAnswers();
  fx.ExpectCleanExit();
}

TEST_CASE("hostile: unknown verbs and non-object requests", "[hostile]") {
  Fixture fx;
  ExpectError(fx.host().Call({{"id", 12}, {"type", "profile.delete"}}), {"unknown_type"});
  ExpectError(fx.host().Call({{"id", 13}, {"type", std::string(100000, 'v')}}), {"unknown_type", "bad_request"});
  for (const char* body : {"[]", "\"hello\"", "null", "42", "true", R"({"id":14})", R"({"id":15,"type":5})"}) {
    REQUIRE(fx.host().SendBody(body));
    INFO("body " << body);
    ExpectError(fx.host().ReadReply(), {"bad_request", "bad_json"});
  }
  // Several frames in one write are each answered, in order.
  std::string three;
  for (int i = 0; i < 3; ++i) three += hardening::Frame(json{{"id", 100 + i}, {"type", "hello"}, {"protocol", 1}}.dump());
  REQUIRE(fx.host().SendRaw(three));
  for (int i = 0; i < 3; ++i) CHECK(fx.host().ReadReply()["id"] == 100 + i);
  fx.ExpectStillAnswers();
  fx.ExpectStoreUntouched();
  fx.ExpectCleanExit();
}
