// `oneself doctor` against a temporary HOME with fake browser folders: each
// problem is found, and the fix it prints, run through the shell, makes the
// next doctor run pass.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/doctor.h"
#include "oneself/allowed_callers.h"
#include "store/store.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Sets environment variables for one test and restores them afterwards.
class EnvGuard {
 public:
  void Set(const char* name, const std::string& value) {
    Save(name);
    ::setenv(name, value.c_str(), 1);
  }
  void Unset(const char* name) {
    Save(name);
    ::unsetenv(name);
  }
  ~EnvGuard() {
    for (const auto& [name, value] : saved_) {
      if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }

 private:
  void Save(const char* name) {
    if (saved_.count(name)) return;
    const char* v = std::getenv(name);
    saved_[name] = v ? std::optional<std::string>(v) : std::nullopt;
  }
  std::map<std::string, std::optional<std::string>> saved_;
};

struct DoctorRun {
  int code;
  std::string out;
  std::string err;
};

// A temporary HOME holding a fake `oneself` binary and a store under
// ONESELF_HOME; browser folders are made by each test.
class Home {
 public:
  Home() {
    char tmpl[] = "/tmp/oneself-doctor-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    root_ = tmpl;
    fs::create_directories(root_ / "home");
    fs::create_directories(root_ / "bin");
    binary_ = root_ / "bin/oneself";
    std::ofstream(binary_) << "#!/bin/sh\nexit 0\n";
    fs::permissions(binary_, fs::perms(0755));
    env_.Set("HOME", home().string());
    env_.Set("ONESELF_HOME", store_dir().string());
    env_.Unset("XDG_CONFIG_HOME");
    env_.Unset("XDG_DATA_HOME");
  }
  ~Home() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  fs::path root() const { return root_; }
  fs::path home() const { return root_ / "home"; }
  fs::path binary() const { return binary_; }
  fs::path store_dir() const { return root_ / "store"; }
  fs::path chromium_manifest() const {
    return home() / ".config/chromium/NativeMessagingHosts/org.oneself.host.json";
  }
  fs::path firefox_manifest() const {
    return home() / ".mozilla/native-messaging-hosts/org.oneself.host.json";
  }

  void InitStore() const { REQUIRE(oneself::store::Store(store_dir()).Init().ok()); }

  DoctorRun Doctor() const {
    oneself::cli::Output out, err;
    int code = oneself::cli::RunDoctor({"--binary", binary_.string()}, out, err);
    return {code, out.str(), err.str()};
  }

 private:
  EnvGuard env_;
  fs::path root_;
  fs::path binary_;
};

json ChromiumManifest(const fs::path& binary) {
  json origins = json::array();
  for (auto o : oneself::protocol::kAllowedOrigins) origins.push_back(o);
  return {{"name", "org.oneself.host"},
          {"description", "test"},
          {"path", binary.string()},
          {"type", "stdio"},
          {"allowed_origins", origins}};
}

json FirefoxManifest(const fs::path& binary) {
  json ids = json::array();
  for (auto e : oneself::protocol::kAllowedExtensions) ids.push_back(e);
  return {{"name", "org.oneself.host"},
          {"description", "test"},
          {"path", binary.string()},
          {"type", "stdio"},
          {"allowed_extensions", ids}};
}

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The "fix:" lines of a doctor report, in order.
std::vector<std::string> Fixes(const std::string& report) {
  std::vector<std::string> fixes;
  std::istringstream in(report);
  std::string line;
  const std::string marker = "fix: ";
  while (std::getline(in, line)) {
    auto at = line.find(marker);
    if (at != std::string::npos) fixes.push_back(line.substr(at + marker.size()));
  }
  return fixes;
}

void RunFixes(const std::string& report) {
  const auto fixes = Fixes(report);
  REQUIRE_FALSE(fixes.empty());
  for (const std::string& fix : fixes) {
    INFO("fix: " << fix);
    REQUIRE(std::system(fix.c_str()) == 0);
  }
}

unsigned Mode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("doctor passes when every browser found has a right manifest and the store is sound",
          "[doctor]") {
  Home h;
  h.InitStore();
  WriteFile(h.chromium_manifest(), ChromiumManifest(h.binary()).dump());
  WriteFile(h.firefox_manifest(), FirefoxManifest(h.binary()).dump());

  DoctorRun r = h.Doctor();
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("FAIL") == std::string::npos);
  CHECK(r.out.find("Chromium: " + h.chromium_manifest().string()) != std::string::npos);
  CHECK(r.out.find("Firefox: " + h.firefox_manifest().string()) != std::string::npos);
  // Browsers without a profile folder are not checked.
  CHECK(r.out.find("Brave") == std::string::npos);
  CHECK(r.out.find("Google Chrome") == std::string::npos);
}

TEST_CASE("doctor reports a missing manifest, and its fix writes one the next run accepts",
          "[doctor]") {
  Home h;
  h.InitStore();
  fs::create_directories(h.home() / ".config/google-chrome");
  fs::create_directories(h.home() / ".mozilla");

  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("Google Chrome: no host manifest at " + h.home().string() +
                   "/.config/google-chrome/NativeMessagingHosts/org.oneself.host.json") !=
        std::string::npos);
  CHECK(r.out.find("Firefox: no host manifest at " + h.firefox_manifest().string()) !=
        std::string::npos);
  CHECK(Fixes(r.out).size() == 2);

  RunFixes(r.out);
  DoctorRun again = h.Doctor();
  INFO(again.out);
  CHECK(again.code == 0);
  // The fix wrote the family's own key and named the binary asked for.
  json ff = json::parse(ReadFile(h.firefox_manifest()));
  CHECK(ff["path"] == h.binary().string());
  CHECK(ff.contains("allowed_extensions"));
  CHECK_FALSE(ff.contains("allowed_origins"));
}

TEST_CASE("doctor rejects a manifest that does not allow the pinned extension", "[doctor]") {
  Home h;
  h.InitStore();

  SECTION("Chromium with another extension's origin") {
    json m = ChromiumManifest(h.binary());
    m["allowed_origins"] = json::array({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"});
    WriteFile(h.chromium_manifest(), m.dump());
    DoctorRun r = h.Doctor();
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("\"allowed_origins\" does not allow " +
                     std::string(oneself::protocol::kAllowedOrigins[0])) != std::string::npos);
  }
  SECTION("Firefox given the Chromium key") {
    json m = FirefoxManifest(h.binary());
    m.erase("allowed_extensions");
    m["allowed_origins"] = json::array({oneself::protocol::kAllowedExtensions[0]});
    WriteFile(h.firefox_manifest(), m.dump());
    DoctorRun r = h.Doctor();
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("\"allowed_extensions\" does not allow") != std::string::npos);
  }
  DoctorRun r = h.Doctor();
  RunFixes(r.out);
  CHECK(h.Doctor().code == 0);
}

TEST_CASE("doctor checks the manifest's name, type and path as the browser would", "[doctor]") {
  Home h;
  h.InitStore();
  json m = ChromiumManifest(h.binary());
  std::string expect;

  SECTION("not JSON") {
    WriteFile(h.chromium_manifest(), "{\"name\": \"org.oneself.host\",");
    expect = "is not valid JSON";
  }
  SECTION("wrong name") {
    m["name"] = "org.oneself.hostx";
    WriteFile(h.chromium_manifest(), m.dump());
    expect = "\"name\" must be \"org.oneself.host\"";
  }
  SECTION("wrong type") {
    m["type"] = "socket";
    WriteFile(h.chromium_manifest(), m.dump());
    expect = "\"type\" must be \"stdio\"";
  }
  SECTION("relative path") {
    m["path"] = "bin/oneself";
    WriteFile(h.chromium_manifest(), m.dump());
    expect = "must be absolute";
  }
  SECTION("path to nothing") {
    m["path"] = (h.root() / "gone/oneself").string();
    WriteFile(h.chromium_manifest(), m.dump());
    expect = "which does not exist";
  }
  SECTION("path to another program") {
    m["path"] = "/bin/sh";
    WriteFile(h.chromium_manifest(), m.dump());
    expect = "which is not an oneself binary";
  }
  SECTION("binary not executable") {
    // Another copy: doctor refuses a --binary that cannot run.
    const fs::path copy = h.root() / "old/oneself";
    fs::create_directories(copy.parent_path());
    fs::copy_file(h.binary(), copy);
    fs::permissions(copy, fs::perms(0644));
    m["path"] = copy.string();
    WriteFile(h.chromium_manifest(), m.dump());
    expect = "is not an executable file";
  }
  SECTION("manifest writable by others") {
    WriteFile(h.chromium_manifest(), m.dump());
    fs::permissions(h.chromium_manifest(), fs::perms(0666));
    expect = "writable by its group or others (mode 666)";
  }
  SECTION("manifest writable by its group only") {
    WriteFile(h.chromium_manifest(), m.dump());
    fs::permissions(h.chromium_manifest(), fs::perms(0664));
    expect = "writable by its group or others (mode 664)";
  }
  SECTION("binary writable by its group") {
    WriteFile(h.chromium_manifest(), m.dump());
    fs::permissions(h.binary(), fs::perms(0775));
    expect = h.binary().string() + " is writable by its group or others (mode 775)";
  }
  SECTION("binary writable by anyone") {
    WriteFile(h.chromium_manifest(), m.dump());
    fs::permissions(h.binary(), fs::perms(0757));
    expect = h.binary().string() + " is writable by its group or others (mode 757)";
  }
  SECTION("manifest folder writable by anyone") {
    WriteFile(h.chromium_manifest(), m.dump());
    fs::permissions(h.chromium_manifest().parent_path(), fs::perms(0777));
    expect = "its folder " + h.chromium_manifest().parent_path().string() +
             " is writable by anyone (mode 777)";
  }

  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find(expect) != std::string::npos);
  RunFixes(r.out);
  DoctorRun again = h.Doctor();
  INFO(again.out);
  CHECK(again.code == 0);
}

TEST_CASE("doctor's manifest fix does not depend on the umask", "[doctor]") {
  Home h;
  h.InitStore();
  fs::create_directories(h.home() / ".config/chromium");
  // With umask 002 a file written by the shell is 664, which doctor refuses:
  // the fix must set the mode itself.
  const mode_t old_umask = ::umask(002);
  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  RunFixes(r.out);
  ::umask(old_umask);
  CHECK(Mode(h.chromium_manifest()) == 0644);
  DoctorRun again = h.Doctor();
  INFO(again.out);
  CHECK(again.code == 0);
}

TEST_CASE("doctor's fix replaces a symlinked manifest instead of writing through it",
          "[doctor]") {
  Home h;
  h.InitStore();
  const fs::path outside = h.root() / "outside.json";
  WriteFile(outside, "{\"name\": \"something else\"}");
  fs::create_directories(h.chromium_manifest().parent_path());
  fs::create_symlink(outside, h.chromium_manifest());

  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  RunFixes(r.out);
  CHECK(ReadFile(outside) == "{\"name\": \"something else\"}");
  CHECK_FALSE(fs::is_symlink(h.chromium_manifest()));
  CHECK(h.Doctor().code == 0);
}

TEST_CASE("doctor reports a dangling manifest symlink", "[doctor]") {
  Home h;
  h.InitStore();
  fs::create_directories(h.chromium_manifest().parent_path());
  fs::create_symlink(h.root() / "nowhere.json", h.chromium_manifest());
  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("broken symlink") != std::string::npos);
  RunFixes(r.out);
  CHECK(h.Doctor().code == 0);
  CHECK_FALSE(fs::exists(h.root() / "nowhere.json"));
}

TEST_CASE("doctor reports when no browser is found", "[doctor]") {
  Home h;
  h.InitStore();
  DoctorRun r = h.Doctor();
  CHECK(r.code == 1);
  CHECK(r.out.find("no browser found") != std::string::npos);
}

TEST_CASE("doctor reports a missing store with `oneself init`", "[doctor]") {
  Home h;
  WriteFile(h.chromium_manifest(), ChromiumManifest(h.binary()).dump());
  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("no profile store at " + h.store_dir().string()) != std::string::npos);
  REQUIRE(Fixes(r.out) == std::vector<std::string>{"oneself init"});
  h.InitStore();
  CHECK(h.Doctor().code == 0);
}

// A store that is there but cannot be read is not "missing": `oneself init`
// would fail on it just the same. Tests often run as root, whom permissions do
// not stop, so the unreadable store is made with errors root meets too.
TEST_CASE("doctor says why a store cannot be read instead of calling it missing", "[doctor]") {
  Home h;
  WriteFile(h.chromium_manifest(), ChromiumManifest(h.binary()).dump());
  EnvGuard env;
  std::string expect;

  SECTION("a folder on the way is a file (ENOTDIR)") {
    WriteFile(h.root() / "file", "x");
    const fs::path store = h.root() / "file/store";
    env.Set("ONESELF_HOME", store.string());
    expect = "cannot read " + store.string() + ": Not a directory";
  }
  SECTION("the profile cannot be opened (ELOOP)") {
    fs::create_directories(h.store_dir());
    fs::permissions(h.store_dir(), fs::perms(0700));
    fs::create_symlink(h.store_dir() / "profile.json", h.store_dir() / "profile.json");
    expect = "cannot read " + h.store_dir().string() + ": Too many levels of symbolic links";
  }
  if (::geteuid() != 0) {
    SECTION("the store belongs to nobody who lets us in (EACCES)") {
      h.InitStore();
      fs::permissions(h.store_dir(), fs::perms(0));
      DoctorRun r = h.Doctor();
      fs::permissions(h.store_dir(), fs::perms(0700));
      INFO(r.out);
      CHECK(r.out.find("cannot read " + h.store_dir().string() + ": Permission denied") !=
            std::string::npos);
      CHECK(r.out.find("sudo chown -R") != std::string::npos);
      return;
    }
  }

  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find(expect) != std::string::npos);
  CHECK(r.out.find("no profile store") == std::string::npos);
  for (const std::string& fix : Fixes(r.out)) CHECK(fix != "oneself init");
}

TEST_CASE("doctor reports store permissions others could read, with chmod fixes", "[doctor]") {
  Home h;
  h.InitStore();
  WriteFile(h.chromium_manifest(), ChromiumManifest(h.binary()).dump());
  // This machine's journal: the file it writes.
  fs::path profile;
  for (const auto& d : fs::directory_iterator(h.store_dir() / "devices")) profile = d.path() / "journal.jsonl";
  REQUIRE(fs::exists(profile));
  fs::permissions(h.store_dir(), fs::perms(0755));
  fs::permissions(profile, fs::perms(0644));

  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("has mode 755, not 700") != std::string::npos);
  CHECK(r.out.find(profile.string() + " has mode 644, not 600") != std::string::npos);
  RunFixes(r.out);
  CHECK(Mode(h.store_dir()) == 0700);
  CHECK(Mode(profile) == 0600);
  CHECK(h.Doctor().code == 0);
}

TEST_CASE("doctor reports a journal that does not verify", "[doctor]") {
  Home h;
  h.InitStore();
  WriteFile(h.chromium_manifest(), ChromiumManifest(h.binary()).dump());
  oneself::store::Store store(h.store_dir());
  auto first =
      store.Update(0, json{{"profile", {{"headline", "Engineer"}}}}, oneself::store::Source::kCli);
  REQUIRE(first.ok());
  auto second = store.Update(first->revision, json{{"profile", {{"headline", "Staff"}}}},
                             oneself::store::Source::kCli);
  REQUIRE(second.ok());
  REQUIRE(h.Doctor().code == 0);

  // Alter the first entry: the second one's hash of it no longer holds.
  fs::path journal;
  for (const auto& d : fs::directory_iterator(h.store_dir() / "devices")) journal = d.path() / "journal.jsonl";
  std::string text = ReadFile(journal);
  REQUIRE(text.find("Engineer") != std::string::npos);
  text.replace(text.find("Engineer"), 8, "Engineex");
  WriteFile(journal, text);
  fs::permissions(journal, fs::perms(0600));

  DoctorRun r = h.Doctor();
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("journal") != std::string::npos);
}

TEST_CASE("doctor --help and bad arguments", "[doctor]") {
  oneself::cli::Output out, err;
  CHECK(oneself::cli::RunDoctor({"--help"}, out, err) == 0);
  CHECK(out.str().rfind("usage: oneself doctor [--system] [--binary PATH]", 0) == 0);
  oneself::cli::Output out2, err2;
  CHECK(oneself::cli::RunDoctor({"--frobnicate"}, out2, err2) == 1);
  CHECK(err2.str() == "oneself doctor: unknown option --frobnicate; see `oneself doctor --help`\n");
}
