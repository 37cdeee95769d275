// The store's timestamps: RFC 3339 UTC written and read by calendar
// arithmetic, held to glibc's gmtime_r and timegm, and independent of the
// local time zone.
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "store/state.h"

using oneself::store::FormatTime;
using oneself::store::ParseTime;

namespace {

std::chrono::system_clock::time_point At(int64_t secs) {
  return std::chrono::system_clock::time_point{std::chrono::seconds{secs}};
}

// What the functions replaced did: the oracle.
std::string GlibcFormat(int64_t secs) {
  const std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

TEST_CASE("FormatTime writes RFC 3339 UTC with seconds", "[store][time]") {
  CHECK(FormatTime(At(0)) == "1970-01-01T00:00:00Z");
  CHECK(FormatTime(At(951868799)) == "2000-02-29T23:59:59Z");
  CHECK(FormatTime(At(1764064800)) == "2025-11-25T10:00:00Z");
  CHECK(FormatTime(At(4107542400)) == "2100-03-01T00:00:00Z");  // 2100 is not a leap year
  // Sub-second parts are dropped, not rounded.
  CHECK(FormatTime(At(59) + std::chrono::milliseconds(999)) == "1970-01-01T00:00:59Z");
}

TEST_CASE("FormatTime and ParseTime agree with gmtime_r and timegm", "[store][time]") {
  std::mt19937_64 rng(20261126);
  // To 2199-12-31T23:59:59Z: system_clock counts nanoseconds, which end in 2262.
  std::uniform_int_distribution<int64_t> secs(0, 7258118399);
  for (int i = 0; i < 20000; ++i) {
    const int64_t s = secs(rng);
    const std::string text = FormatTime(At(s));
    REQUIRE(text == GlibcFormat(s));
    REQUIRE(ParseTime(text) == s);
  }
}

TEST_CASE("ParseTime refuses what is not the store's timestamp", "[store][time]") {
  CHECK(ParseTime("2026-11-25T10:00:00Z") == 1795600800);
  CHECK(ParseTime("") == -1);
  CHECK(ParseTime("2026-11-25T10:00:00") == -1);          // no zone
  CHECK(ParseTime("2026-11-25T10:00:00+00:00") == -1);    // not the shape written
  CHECK(ParseTime("2026-11-25 10:00:00Z") == -1);
  CHECK(ParseTime("2026-13-01T00:00:00Z") == -1);         // month 13
  CHECK(ParseTime("2026-02-29T00:00:00Z") == -1);         // not a leap year
  CHECK(ParseTime("2024-02-29T00:00:00Z") == 1709164800);
  CHECK(ParseTime("2026-11-25T24:00:00Z") == -1);
  CHECK(ParseTime("2026-11-25T10:60:00Z") == -1);
  CHECK(ParseTime("2026-11-25T10:00:61Z") == -1);
  CHECK(ParseTime("2026-11-25T10:00:60Z") == 1795600860);  // a leap second reads as the next minute
  CHECK(ParseTime("2026-11-2xT10:00:00Z") == -1);
  CHECK(ParseTime("+026-11-25T10:00:00Z") == -1);
}

TEST_CASE("timestamps do not depend on the local time zone", "[store][time]") {
  const char* saved = std::getenv("TZ");
  const std::string restore = saved ? saved : "";
  setenv("TZ", "America/New_York", 1);
  tzset();
  CHECK(FormatTime(At(1764064800)) == "2025-11-25T10:00:00Z");
  CHECK(ParseTime("2025-11-25T10:00:00Z") == 1764064800);
  if (saved) {
    setenv("TZ", restore.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}
