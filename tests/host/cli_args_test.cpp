// The command line's option parsing (cli::ParseArgs): options that take a
// value take it after a space or an `=`, flags take none, anything unknown is
// refused with the option's name, and "--" ends the options.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cli/subcommand.h"

using oneself::cli::Args;
using oneself::cli::ParseArgs;

namespace {

// As a subcommand declares them: two options with values, the rest empty.
constexpr std::array<std::string_view, 4> kValued{"--site", "--mode"};

Args Parsed(std::vector<std::string> words) {
  auto result = ParseArgs(words, kValued);
  REQUIRE(result.ok());
  return *result;
}

std::string Refusal(std::vector<std::string> words) {
  auto result = ParseArgs(words, kValued);
  REQUIRE_FALSE(result.ok());
  return result.status().message();
}

}  // namespace

TEST_CASE("an option with a value takes it after a space or an equals sign") {
  Args args = Parsed({"--site", "x", "--mode=edit", "page.json"});
  REQUIRE(args.Option("--site") != nullptr);
  CHECK(*args.Option("--site") == "x");
  REQUIRE(args.Option("--mode") != nullptr);
  CHECK(*args.Option("--mode") == "edit");
  CHECK(args.positional == std::vector<std::string>{"page.json"});
  CHECK(args.Option("--json") == nullptr);
}

TEST_CASE("a value may itself look like an option, and may be empty") {
  Args args = Parsed({"--site", "--json", "--mode="});
  CHECK(*args.Option("--site") == "--json");
  CHECK(*args.Option("--mode") == "");
  CHECK_FALSE(args.Has("--json"));
}

TEST_CASE("flags take no value") {
  Args args = Parsed({"--json", "-h"});
  CHECK(args.Has("--json"));
  CHECK(args.Has("--help"));
  CHECK(Refusal({"--json=yes"}) == "option --json takes no value");
}

TEST_CASE("an option that needs a value and has none is refused") {
  CHECK(Refusal({"--site"}) == "option --site needs a value");
}

TEST_CASE("unknown options are refused by name, whatever the table's empty entries") {
  CHECK(Refusal({"--limit", "3"}) == "unknown option --limit");
  CHECK(Refusal({"-x"}) == "unknown option -x (to give a value that starts with '-', put -- before it)");
  CHECK(Refusal({"--no more"}) == "unknown option --no more (to give a value that starts with '-', put -- before it)");
  CHECK(Refusal({"--=x"}) == "unknown option --");
}

TEST_CASE("the options end at a double dash, and a single dash is a positional") {
  Args args = Parsed({"-", "--", "--site", "-v"});
  CHECK(args.positional == std::vector<std::string>{"-", "--site", "-v"});
  CHECK(args.Option("--site") == nullptr);
}
