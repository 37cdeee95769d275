// `--help` on every verb the CLI lists: the verb's own usage, on stdout,
// exit 0, nothing on stderr; the same text for `-h`, `oneself help VERB` and
// `--help` added to an otherwise wrong command line.
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli_fixture.h"

namespace {

using blackbox::Cli;

// The verbs `oneself --help` lists: the indented lines after "commands:".
std::vector<std::string> ListedVerbs(const std::string& overview) {
  std::vector<std::string> verbs;
  std::istringstream in(overview);
  std::string line;
  bool listing = false;
  while (std::getline(in, line)) {
    if (line == "commands:") {
      listing = true;
      continue;
    }
    if (!listing) continue;
    if (line.rfind("  ", 0) != 0) break;
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    verbs.push_back(verb);
  }
  return verbs;
}

}  // namespace

TEST_CASE("cli help: every listed verb prints its own usage on stdout and exits 0", "[cli][help]") {
  Cli cli;
  const auto overview = cli.Run({"--help"});
  REQUIRE(overview.exitCode == 0);
  const std::vector<std::string> verbs = ListedVerbs(overview.out);
  REQUIRE(verbs.size() >= 15);

  std::map<std::string, std::string> usages;
  for (const std::string& verb : verbs) {
    INFO(verb);
    const auto help = cli.Run({verb, "--help"});
    CHECK(help.exitCode == 0);
    CHECK(cli.Err().empty());
    CHECK(help.out.rfind("usage: oneself " + verb, 0) == 0);
    CHECK(help.out != overview.out);
    // More than the one usage line: what the verb does.
    CHECK(help.out.find("\n\n") != std::string::npos);
    for (const std::vector<std::string>& same :
         {std::vector<std::string>{verb, "-h"}, std::vector<std::string>{"help", verb}}) {
      const auto again = cli.Run(same);
      CHECK(again.exitCode == 0);
      CHECK(again.out == help.out);
    }
    usages[verb] = help.out;
  }
  // Each verb's text is its own.
  for (const auto& [verb, text] : usages) {
    for (const auto& [other, otherText] : usages) {
      if (verb != other) CHECK(text != otherText);
    }
  }
}

TEST_CASE("cli help: doctor's help names doctor's options", "[cli][help][posix]") {
  Cli cli;
  const auto help = cli.Run({"doctor", "--help"});
  CHECK(help.exitCode == 0);
  CHECK(cli.Err().empty());
  CHECK(help.out.rfind("usage: oneself doctor [--system] [--binary PATH]", 0) == 0);
  CHECK(help.out.find("--system ") != std::string::npos);
  CHECK(help.out.find("--binary PATH ") != std::string::npos);
  CHECK(help.out.find("Exit status") != std::string::npos);
  // With other options, before or after them.
  CHECK(cli.Run({"doctor", "--system", "--help"}).out == help.out);
  CHECK(cli.Run({"doctor", "-h", "--binary", "/nowhere"}).out == help.out);
  // An unknown option is a user error, one line on stderr, as for every verb.
  const auto bad = cli.Run({"doctor", "--bogus"});
  CHECK(bad.exitCode == 1);
  CHECK(bad.out.empty());
  CHECK(cli.Err() == "oneself doctor: unknown option --bogus; see `oneself doctor --help`\n");
}

TEST_CASE("cli help: --help wins over a command line that would fail", "[cli][help]") {
  Cli cli;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"show", "--bogus", "--help"}, std::vector<std::string>{"get", "--help"},
        std::vector<std::string>{"revert", "banana", "-h"}, std::vector<std::string>{"check", "--site", "x", "--help"},
        std::vector<std::string>{"host", "--help"}}) {
    INFO(args[0]);
    const auto r = cli.Run(args);
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("usage: oneself " + args[0], 0) == 0);
    CHECK(cli.Err().empty());
  }
  // After "--" it is a value, not a request for help.
  CHECK(cli.Run({"get", "--", "--help"}).exitCode == 1);
}
