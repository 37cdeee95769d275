// Output that does not reach its file is a failure: `oneself export >
// resume.json` on a full disk must not report success behind a short file.
// The CLI runs under /bin/sh for the redirections a person would write.
#include <catch2/catch.hpp>

#include "cli_fixture.h"

using blackbox::Cli;

namespace {

// Runs `oneself ARGS REDIRECTIONS` in a shell; the binary is passed as $0 so
// that no path needs quoting.
hardening::CommandResult InShell(Cli& cli, const std::string& argsAndRedirections) {
  return hardening::RunCommand("/bin/sh", {"-c", "\"$0\" " + argsAndRedirections, ONESELF_BINARY}, cli.env,
                               cli.errPath());
}

}  // namespace

TEST_CASE("cli: output that cannot be written fails, with the reason", "[cli][posix]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "headline", "Staff Engineer"}).exitCode == 0);

  SECTION("a full disk") {
    const auto r = InShell(cli, "export > /dev/full");
    CHECK(r.exitCode == 2);
    CHECK(cli.Err() == "oneself: cannot write the output: No space left on device\n");
  }
  SECTION("stdout closed") {
    const auto r = InShell(cli, "show >&-");
    CHECK(r.exitCode == 2);
    CHECK(cli.Err() == "oneself: cannot write the output: Bad file descriptor\n");
  }
  SECTION("a command that fails for its own reason keeps its status and message") {
    const auto r = InShell(cli, "get nothing.here > /dev/full");
    CHECK(r.exitCode == 1);
    CHECK(cli.Err().find("cannot write the output") == std::string::npos);
  }
}

TEST_CASE("cli: with stdout closed, a change is made, its report fails, and the store verifies", "[cli][posix]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  // The change itself succeeds; only "Set headline ..." could not be written.
  const auto r = InShell(cli, "set headline 'Principal Engineer' >&-");
  CHECK(r.exitCode == 2);
  const auto verify = cli.Run({"verify"});
  CHECK(verify.exitCode == 0);
  CHECK(cli.Run({"get", "headline"}).out == "Principal Engineer\n");
}

TEST_CASE("host: started without stdout, it says so and exits", "[cli][posix]") {
  Cli cli;
  const auto r = hardening::RunCommand(
      "/bin/sh", {"-c", "\"$0\" chrome-extension://obejlgbmhghechkgdgmjlheaeplnmalh/ >&-", ONESELF_BINARY}, cli.env,
      cli.errPath());
  CHECK(r.exitCode == 2);
  CHECK(cli.Err() == "oneself: started without stdin or stdout, which carry the messages\n");
}
