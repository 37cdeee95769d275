// The `oneself` CLI as a person or a script runs it: exit status 0 / 1 / 2,
// `--json` output that parses, `--help` everywhere.
#include <algorithm>
#include <fstream>

#include <catch2/catch.hpp>

#include "cli_fixture.h"
#include "sites/site_table.h"

using blackbox::Cli;
using nlohmann::json;

TEST_CASE("cli: --version and --help", "[cli]") {
  Cli cli;
  auto v = cli.Run({"--version"});
  CHECK(v.exitCode == 0);
  CHECK(v.out.rfind("oneself ", 0) == 0);
  auto h = cli.Run({"--help"});
  CHECK(h.exitCode == 0);
  for (const char* sub : {"init", "show", "get", "set", "import", "export", "history", "revert", "verify",
                          "status", "doctor", "host", "check", "bio", "photo"}) {
    INFO(sub);
    CHECK(h.out.find(std::string("  ") + sub) != std::string::npos);
    auto sh = cli.Run({sub, "--help"});
    CHECK(sh.exitCode == 0);
    CHECK(sh.out.find(std::string("usage: oneself ") + sub) != std::string::npos);
  }
}

TEST_CASE("cli: user errors exit 1 with one line on stderr", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  auto unknown = cli.Run({"frobnicate"});
  CHECK(unknown.exitCode == 1);
  CHECK(unknown.out.empty());
  std::string err = cli.Err();
  CHECK(err.find("frobnicate") != std::string::npos);
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);

  CHECK(cli.Run({"get"}).exitCode == 1);
  CHECK(cli.Run({"get", "headline"}).exitCode == 1);  // not set
  CHECK(cli.Err().find("headline is not set") != std::string::npos);
  CHECK(cli.Run({"show", "--bogus"}).exitCode == 1);
  CHECK(cli.Run({"revert", "banana"}).exitCode == 1);
  CHECK(cli.Run({"revert", "99"}).exitCode == 1);  // no such revision
  CHECK(cli.Run({"check", "file.json"}).exitCode == 1);  // no --site
  CHECK(cli.Run({"check", "--site", "x", cli.dir.path().string() + "/missing.json"}).exitCode == 1);
  CHECK(cli.Run({"bio", "--site", "myspace"}).exitCode == 1);
}

TEST_CASE("cli: init, set, get, show --json, history, revert", "[cli]") {
  Cli cli;
  auto init = cli.Run({"init", "--json"});
  REQUIRE(init.exitCode == 0);
  json i = json::parse(init.out);
  CHECK(i["revision"] == 0);
  CHECK(i["created"] == true);
  CHECK(json::parse(cli.Run({"init", "--json"}).out)["created"] == false);

  REQUIRE(cli.Run({"set", "headline", "Staff Software Engineer at Lumen Labs"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "name.full", "Ada Whitfield"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "name.nicknames", R"(["Addie"])"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "sites.x.policy", "personal"}).exitCode == 0);
  CHECK(cli.Run({"get", "name.full"}).out == "Ada Whitfield\n");
  CHECK(json::parse(cli.Run({"get", "name.nicknames", "--json"}).out) == json::array({"Addie"}));
  CHECK(cli.Run({"get", "sites.x.policy"}).out == "personal\n");

  auto show = cli.Run({"show", "--json"});
  REQUIRE(show.exitCode == 0);
  json s = json::parse(show.out);
  CHECK(s["revision"] == 4);
  CHECK(s["profile"]["headline"] == "Staff Software Engineer at Lumen Labs");
  CHECK(s["sites"]["x"]["policy"] == "personal");
  auto text = cli.Run({"show"});
  CHECK(text.out.find("name.full: Ada Whitfield") != std::string::npos);

  auto history = cli.Run({"history", "--json", "--limit", "2"});
  REQUIRE(history.exitCode == 0);
  json h = json::parse(history.out);
  REQUIRE(h["entries"].size() == 2);
  CHECK(h["entries"][0]["revision"] == 4);
  CHECK(h["entries"][0]["source"] == "cli");
  CHECK(h["next"] == 3);

  auto revert = cli.Run({"revert", "1", "--json"});
  REQUIRE(revert.exitCode == 0);
  CHECK(json::parse(revert.out)["revision"] == 5);
  CHECK(cli.Run({"get", "name.full"}).exitCode == 1);
  CHECK(cli.Run({"get", "headline"}).out == "Staff Software Engineer at Lumen Labs\n");

  CHECK(hardening::VerifyReportPasses(cli.Run({"verify", "--json"})));
}

// The user's own website is a site like the others: it takes settings, is
// checked, appears in status, and gets the longest bio (it has no limits).
TEST_CASE("cli: the website site", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "sites.website.policy", "personal"}).exitCode == 0);
  CHECK(cli.Run({"get", "sites.website.policy"}).out == "personal\n");
  REQUIRE(cli.Run({"set", "bio.short", "Calm tools."}).exitCode == 0);
  REQUIRE(cli.Run({"set", "bio.long", "I build calm tools for busy people, and write about them."}).exitCode == 0);
  CHECK(cli.Run({"bio", "--site", "website"}).out == "I build calm tools for busy people, and write about them.\n");
  const std::string fields = cli.Write("site.json", R"({"name": "Ada Whitfield"})");
  REQUIRE(cli.Run({"check", "--site", "website", fields}).exitCode == 0);
  json st = json::parse(cli.Run({"status", "--json"}).out);
  bool sawWebsite = false;
  for (const json& site : st["sites"]) {
    if (site["id"] != "website") continue;
    sawWebsite = true;
    CHECK(site["name"] == "Website");
    CHECK(site["seen"].is_string());
  }
  CHECK(sawWebsite);
}

TEST_CASE("cli: check, status and bio share the host's verbs", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "headline", "Staff Software Engineer at Lumen Labs"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "bio.short", "I build calm tools for busy people."}).exitCode == 0);
  const std::string fields = cli.Write("x.json", R"({"headline": "Staff Software Engineer at Lumen Labs"})");
  auto check = cli.Run({"check", "--site", "linkedin", fields, "--json"});
  REQUIRE(check.exitCode == 0);
  json c = json::parse(check.out);
  CHECK(c["warnings"].is_array());
  CHECK(c["revision"] == 2);

  auto status = cli.Run({"status", "--json"});
  REQUIRE(status.exitCode == 0);
  json st = json::parse(status.out);
  bool sawLinkedIn = false;
  for (const json& site : st["sites"]) {
    if (site["id"] != "linkedin") continue;
    sawLinkedIn = true;
    CHECK(site["seen"].is_string());
    CHECK(site["stale"] == false);
  }
  CHECK(sawLinkedIn);

  // The headline changes: LinkedIn showed the old one, so it is now stale.
  REQUIRE(cli.Run({"set", "headline", "Principal Engineer at Lumen Labs"}).exitCode == 0);
  json after = json::parse(cli.Run({"status", "--json"}).out);
  for (const json& site : after["sites"]) {
    if (site["id"] != "linkedin") continue;
    CHECK(site["stale"] == true);
    CHECK(site["changed"] == json::array({"headline"}));
  }

  auto bio = cli.Run({"bio", "--site", "x"});
  CHECK(bio.exitCode == 0);
  CHECK(bio.out == "I build calm tools for busy people.\n");
  // The site may be named without --site, in any case, "twitter" for X.
  CHECK(cli.Run({"bio", "x"}).out == bio.out);
  CHECK(cli.Run({"bio", "Twitter"}).out == bio.out);
}

TEST_CASE("cli: photo set fingerprints a PNG, and import and export round-trip", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  const std::string png = std::string(ONESELF_SOURCE_DIR) + "/tests/extension/fixtures/assets/ada.png";
  auto set = cli.Run({"photo", "set", png, "--json"});
  REQUIRE(set.exitCode == 0);
  json p = json::parse(set.out);
  CHECK(p["photo"]["phash"].get<std::string>().size() == 16);
  CHECK(p["photo"]["sha256"].get<std::string>().size() == 64);
  CHECK(cli.Run({"get", "photo.phash"}).out == p["photo"]["phash"].get<std::string>() + "\n");
  // Not an image: a user error, nothing stored.
  auto notImage = cli.Run({"photo", "set", cli.Write("fake.png", "just text")});
  CHECK(notImage.exitCode == 1);
  CHECK(cli.Run({"photo", "set"}).exitCode == 1);

  const std::string resume = std::string(ONESELF_THIRD_PARTY_FIXTURES) + "/jsonresume/sample.resume.json";
  auto imported = cli.Run({"import", resume, "--json"});
  REQUIRE(imported.exitCode == 0);
  CHECK(json::parse(imported.out)["revision"] == 2);
  auto exported = cli.Run({"export"});
  REQUIRE(exported.exitCode == 0);
  json doc = json::parse(exported.out);
  CHECK(doc["basics"]["name"] == "Richard Hendriks");
  // The exported document imports back to the same profile: no new values.
  const std::string again = cli.Write("exported.json", exported.out);
  REQUIRE(cli.Run({"import", again}).exitCode == 0);
  CHECK(cli.Run({"get", "name.full"}).out == "Richard Hendriks\n");
  CHECK(cli.Run({"verify"}).exitCode == 0);
}

// A score of 100 must not hide a misspelt field, a site that is off, or a
// field the site's policy leaves out.
TEST_CASE("cli: check says what it left aside, and why", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  const std::string typo = cli.Write("typo.json", R"({"headlin": "zzz"})");
  auto ignored = cli.Run({"check", "--site", "linkedin", typo});
  CHECK(ignored.exitCode == 0);
  CHECK(ignored.out.find("Ignored: headlin (not a field oneself checks on LinkedIn)\n"
                         "    headlin: did you mean headline?\n") != std::string::npos);
  // Each name gets the checked field it is close to, if any; the verb's
  // reply stays as it was.
  const std::string typos = cli.Write("typos.json", R"({"Location": "x", "colour": "y", "firstname": "z"})");
  auto several = cli.Run({"check", "--site", "linkedin", typos});
  CHECK(several.out.find("Ignored: Location, colour, firstname (not fields oneself checks on LinkedIn)\n"
                         "    Location: did you mean location?\n"
                         "    firstname: did you mean firstName?\n") != std::string::npos);
  CHECK(several.out.find("colour:") == std::string::npos);
  auto asJson = cli.Run({"check", "--site", "linkedin", typo, "--json"});
  CHECK(json::parse(asJson.out)["ignored"] == json::array({"headlin"}));
  CHECK(asJson.out.find("did you mean") == std::string::npos);

  const std::string headline = cli.Write("headline.json", R"({"headline": "Engineer"})");
  REQUIRE(cli.Run({"set", "sites.x.policy", "personal"}).exitCode == 0);
  auto personal = cli.Run({"check", "--site", "twitter", headline});
  CHECK(personal.out.find("Not checked: headline (sites.x.policy is personal)\n") != std::string::npos);

  REQUIRE(cli.Run({"set", "sites.linkedin.policy", "off"}).exitCode == 0);
  auto off = cli.Run({"check", "--site", "linkedin", headline});
  CHECK(off.exitCode == 0);
  CHECK(off.out == "LinkedIn is off (sites.linkedin.policy is off): nothing was checked.\n");
}

// doctor reads its options as every subcommand does, and will not point
// browsers at a binary that cannot run.
TEST_CASE("cli: doctor's options", "[cli][posix]") {
  Cli cli;
  auto equals = cli.Run({"doctor", "--binary=/bin/sh"});
  CHECK(equals.out.find("Browsers") != std::string::npos);
  CHECK(cli.Err().empty());

  CHECK(cli.Run({"doctor", "--binary"}).exitCode == 1);
  CHECK(cli.Err() == "oneself doctor: option --binary needs a value; see `oneself doctor --help`\n");
  auto missing = cli.Run({"doctor", "--binary", "/nonexistent/oneself"});
  CHECK(missing.exitCode == 1);
  CHECK(missing.out.empty());
  CHECK(cli.Err() == "oneself doctor: --binary /nonexistent/oneself: no such file; see `oneself doctor --help`\n");
  const std::string text = cli.Write("oneself", "not a program");
  CHECK(cli.Run({"doctor", "--binary", text}).exitCode == 1);
  CHECK(cli.Err().find("is not an executable file") != std::string::npos);
}

TEST_CASE("cli: no command is a mistake: the usage on stderr, exit 1", "[cli]") {
  Cli cli;
  auto none = cli.Run({});
  CHECK(none.exitCode == 1);
  CHECK(none.out.empty());
  CHECK(cli.Err().rfind("usage: oneself <command>", 0) == 0);
}

// --before 0 is the protocol's "from the newest"; from the command line it
// would list everything, so it is refused; r3 is taken as `revert` takes it.
TEST_CASE("cli: history's --before and --limit", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  for (const char* h : {"one", "two", "three"}) REQUIRE(cli.Run({"set", "headline", h}).exitCode == 0);
  CHECK(cli.Run({"history", "--before", "0"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: --before takes a revision of 1 or more, such as 12 or r12 (bad_request)\n");
  auto r3 = cli.Run({"history", "--before", "r3", "--json"});
  REQUIRE(r3.exitCode == 0);
  json h = json::parse(r3.out);
  REQUIRE(h["entries"].size() == 2);
  CHECK(h["entries"][0]["revision"] == 2);
  CHECK(json::parse(cli.Run({"history", "--before=3", "--json"}).out) == h);
  CHECK(cli.Run({"history", "--limit", "0"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: --limit must be between 1 and 100 (bad_request)\n");
  CHECK(cli.Run({"history", "--limit", "101"}).exitCode == 1);
  CHECK(cli.Run({"history", "--limit", "r2"}).exitCode == 1);
}

// Reasons name the command line's options, not the protocol's fields.
// check's help writes the site ids out (it is constant text): it must name
// every site of the table, in the table's order.
TEST_CASE("cli: check --help names every site of the site table", "[cli]") {
  Cli cli;
  std::string ids;
  for (const auto& site : oneself::sites::AllSites()) ids += (ids.empty() ? "" : ", ") + std::string(site.id);
  auto help = cli.Run({"check", "--help"});
  CHECK(help.exitCode == 0);
  std::string oneLine = help.out;
  std::replace(oneLine.begin(), oneLine.end(), '\n', ' ');
  CHECK(oneLine.find(ids + ".") != std::string::npos);
}

TEST_CASE("cli: a wrong --site lists the sites, a wrong --mode names the option", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"bio", "--site", "y"}).exitCode == 1);
  const std::string ids = "linkedin, x, github, facebook, mastodon, bluesky, instagram, google, website";
  CHECK(cli.Err() == "oneself: --site y: no such site; SITE is one of " + ids + " (bad_request)\n");
  CHECK(cli.Run({"bio", "y"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: bio y: no such site; SITE is one of " + ids + " (bad_request)\n");
  CHECK(cli.Run({"bio", "x", "github"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: bio takes one SITE (bad_request)\n");
  CHECK(cli.Run({"bio", "--site", "x", "github"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: bio takes one SITE (bad_request)\n");
  CHECK(cli.Run({"bio"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: bio needs --site SITE, one of " + ids + " (bad_request)\n");
  const std::string fields = cli.Write("f.json", R"({"headline": "Engineer"})");
  CHECK(cli.Run({"check", fields}).exitCode == 1);
  CHECK(cli.Err() == "oneself: check needs --site SITE, one of " + ids + " (bad_request)\n");
  CHECK(cli.Run({"check", "--site", "x", "--mode", "edits", fields}).exitCode == 1);
  CHECK(cli.Err() == "oneself: --mode must be view or edit (bad_request)\n");
}

// get and set agree on which fields exist, and point at the one meant.
TEST_CASE("cli: an unknown field is named as such, with the closest known one", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"get", "headlin"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: headlin is not a known field; did you mean headline? (bad_request)\n");
  CHECK(cli.Run({"set", "headlin", "x"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: headlin is not a known field; did you mean headline? (bad_request)\n");
  CHECK(cli.Run({"get", "sites.linkdin.policy"}).exitCode == 1);
  CHECK(cli.Err().find("did you mean sites.linkedin.policy?") != std::string::npos);
  // An unset policy is the default every verb applies, as status shows it.
  auto policy = cli.Run({"get", "sites.x.policy"});
  CHECK(policy.exitCode == 0);
  CHECK(policy.out == "professional (the default)\n");
  CHECK(json::parse(cli.Run({"get", "sites.x.policy", "--json"}).out) == "professional");
}

// show prints work[0].title: get reads it; set says how lists are set.
TEST_CASE("cli: paths into lists are read, and set whole", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "work", R"([{"employer": "Lumen Labs", "title": "Engineer"}])"}).exitCode == 0);
  CHECK(cli.Run({"show"}).out.find("work[0].title: Engineer\n") != std::string::npos);
  CHECK(cli.Run({"get", "work[0].title"}).out == "Engineer\n");
  CHECK(cli.Run({"get", "work.0.title"}).out == "Engineer\n");
  for (const char* path : {"work[0].title", "work.0.title", "work.title"}) {
    INFO(path);
    CHECK(cli.Run({"set", path, "Boss"}).exitCode == 1);
    CHECK(cli.Err().rfind("oneself: work is a list: it is set whole, as JSON, such as: oneself set work '[{", 0) == 0);
  }
  CHECK(cli.Run({"get", "work[x].title"}).exitCode == 1);
}

TEST_CASE("cli: a site setting names its site as everywhere else: any case, twitter for X", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"set", "sites.twitter.policy", "personal"}).exitCode == 0);
  CHECK(cli.Run({"get", "sites.x.policy"}).out == "personal\n");
  CHECK(cli.Run({"set", "sites.LinkedIn.overrides.headline", "Engineer"}).exitCode == 0);
  CHECK(cli.Run({"get", "sites.linkedin.overrides.headline"}).out == "Engineer\n");
  CHECK(cli.Run({"get", "sites.Twitter.policy"}).out == "personal\n");
  CHECK(cli.Run({"set", "sites.myspace.policy", "off"}).exitCode == 1);
}

TEST_CASE("cli: a file that cannot be read is refused with the system's reason", "[cli][posix]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  // Opening succeeds and reading fails (EIO): the one read error that does
  // not depend on who runs the test (root reads files of any mode).
  CHECK(cli.Run({"import", "/proc/self/mem"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: cannot read /proc/self/mem: Input/output error (bad_request)\n");
}

TEST_CASE("cli: one-line fields refuse line breaks and control characters, and bios keep their lines", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"set", "headline", "Line one\nLine two"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: headline is one line: it cannot hold a line break (bad_request)\n");
  CHECK(cli.Run({"set", "name.full", "Ada\x1b[31m"}).exitCode == 1);
  CHECK(cli.Err() == "oneself: name.full cannot hold control characters (such as a tab or an escape) (bad_request)\n");
  CHECK(cli.Run({"set", "sites.x.overrides.headline", "a\tb"}).exitCode == 1);
  CHECK(cli.Run({"set", "bio.about", "First line.\n\nSecond\tpara."}).exitCode == 0);
  CHECK(cli.Run({"get", "bio.about"}).out == "First line.\n\nSecond\tpara.\n");
  CHECK(cli.Run({"set", "sites.x.overrides.bio", "Two\nlines"}).exitCode == 0);
  CHECK(cli.Run({"set", "bio.short", "Bell\a"}).exitCode == 1);
  CHECK(cli.Run({"get", "headline"}).exitCode == 1);  // nothing was stored
}

TEST_CASE("cli: set says what shape a value takes", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"set", "name", "Ada"}).exitCode == 1);
  CHECK(cli.Err().find(R"(name takes a JSON object; for example: oneself set name '{"full": "Ada Lovelace"}')") !=
        std::string::npos);
  CHECK(cli.Err().find(R"(oneself set name.full "Ada Lovelace")") != std::string::npos);
  CHECK(cli.Run({"set", "links", "nope"}).exitCode == 1);
  CHECK(cli.Err().find("links takes a JSON list; for example: oneself set links '[") != std::string::npos);
  CHECK(cli.Run({"set", "links", R"({"url": "https://a.example"})"}).exitCode == 1);  // JSON, not a list
  CHECK(cli.Err().find("links takes a JSON list") != std::string::npos);
}

TEST_CASE("cli: a value that starts with '-', and a value from stdin", "[cli][posix]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"set", "headline", "-5 years of Go"}).exitCode == 1);
  CHECK(cli.Err().find("unknown option -5 years of Go (to give a value that starts with '-', put -- before it)") !=
        std::string::npos);
  REQUIRE(cli.Run({"set", "headline", "--", "-5 years of Go"}).exitCode == 0);
  CHECK(cli.Run({"get", "headline"}).out == "-5 years of Go\n");

  auto piped = hardening::RunCommand("/bin/sh", {"-c", std::string("printf 'line one\\nline two\\n\\n' | ") +
                                                          ONESELF_BINARY + " set bio.about -"},
                                     cli.env, cli.errPath());
  REQUIRE(piped.exitCode == 0);
  CHECK(json::parse(cli.Run({"get", "bio.about", "--json"}).out) == "line one\nline two\n");
}

// The store makes no revision when nothing changes: the CLI must not report
// the current one as new.
TEST_CASE("cli: a change that changes nothing says so", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "headline", "Engineer"}).exitCode == 0);
  const std::string nothing = "Nothing changed; the profile is at revision 1\n";
  CHECK(cli.Run({"set", "headline", "Engineer"}).out == nothing);
  CHECK(cli.Run({"revert", "r1"}).out == nothing);
  const std::string resume = cli.Write("resume.json", R"({"basics": {"label": "Engineer"}})");
  REQUIRE(cli.Run({"import", resume}).exitCode == 0);
  const int64_t rev = json::parse(cli.Run({"show", "--json"}).out)["revision"].get<int64_t>();
  CHECK(cli.Run({"import", resume}).out == "Same as stored, left alone: headline\n"
                                          "Nothing changed; the profile is at revision " + std::to_string(rev) + "\n");
  CHECK(json::parse(cli.Run({"show", "--json"}).out)["revision"] == rev);
}

// Removing what is not set changes nothing, and says which field is not set.
TEST_CASE("cli: removing a field that is not set changes nothing", "[cli]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  REQUIRE(cli.Run({"set", "headline", "Engineer"}).exitCode == 0);
  auto bio = cli.Run({"set", "bio.short", ""});
  CHECK(bio.exitCode == 0);
  CHECK(bio.out == "Nothing changed: bio.short is not set; the profile is at revision 1\n");
  auto override = cli.Run({"set", "sites.github.overrides.bio", ""});
  CHECK(override.exitCode == 0);
  CHECK(override.out == "Nothing changed: sites.github.overrides.bio is not set; the profile is at revision 1\n");
  CHECK(json::parse(cli.Run({"set", "location.city", "", "--json"}).out) == json{{"revision", 1}});
  const json doc = json::parse(cli.Run({"show", "--json"}).out);
  CHECK(doc["revision"] == 1);
  CHECK_FALSE(doc["profile"].contains("bio"));
  CHECK_FALSE(doc["profile"].contains("location"));
  CHECK_FALSE((doc.contains("sites") && doc.at("sites").contains("github")));
  // A field that is set is still removed.
  REQUIRE(cli.Run({"set", "bio.short", "Calm tools."}).exitCode == 0);
  CHECK(cli.Run({"set", "bio.short", ""}).out == "Set bio.short (revision 3)\n");
  CHECK(cli.Run({"get", "bio.short"}).exitCode == 1);
  // ... and the object it leaves empty goes with it.
  CHECK_FALSE(json::parse(cli.Run({"show", "--json"}).out)["profile"].contains("bio"));
}

// The store waits for its lock with no time limit: a writer behind another
// says, once, why it is not done.
TEST_CASE("cli: set says when it waits for another process's lock", "[cli][posix]") {
  Cli cli;
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  // This machine's lock is in its local folder of the store.
  std::string lock;
  for (const auto& d : std::filesystem::directory_iterator(cli.dir.path() / "store" / "local"))
    lock = (d.path() / "lock").string();
  const std::string script = "flock " + lock + " sleep 2.5 & sleep 0.3; " + ONESELF_BINARY +
                             " set headline Engineer; rc=$?; wait; exit $rc";
  auto r = hardening::RunCommand("/bin/sh", {"-c", script}, cli.env, cli.errPath());
  CHECK(r.exitCode == 0);
  CHECK(r.out == "Set headline (revision 1)\n");
  const std::string err = cli.Err();
  CHECK(err.rfind("oneself: waiting for another oneself to release the store", 0) == 0);
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  // Unlocked, nothing is said.
  REQUIRE(cli.Run({"set", "headline", "Staff Engineer"}).exitCode == 0);
  CHECK(cli.Err().empty());
}

// Only init makes the store: the others neither make part of one nor show an
// empty profile as if it were the user's.
TEST_CASE("cli: before init, commands say there is no store and create nothing", "[cli]") {
  Cli cli;
  const std::string store = (cli.dir.path() / "store").string();
  const std::string fields = cli.Write("f.json", R"({"headline": "Engineer"})");
  const std::vector<std::vector<std::string>> commands = {
      {"check", "--site", "linkedin", fields}, {"set", "headline", "x"}, {"show"}, {"status"},
      {"history"}, {"get", "headline"}, {"revert", "0"}, {"verify"}, {"export"}, {"bio", "--site", "x"}};
  for (const auto& command : commands) {
    INFO(command[0]);
    auto r = cli.Run(command);
    CHECK(r.exitCode == 1);
    CHECK(r.out.empty());
    CHECK(cli.Err() == "oneself: no profile store at " + store + " (run: oneself init) (not_found)\n");
    CHECK_FALSE(std::filesystem::exists(store));
  }
  REQUIRE(cli.Run({"init"}).exitCode == 0);
  CHECK(cli.Run({"history"}).exitCode == 0);
}
