// `oneself doctor`: the answer to "Specified native messaging host not found".
// It looks where each browser looks (the same folders install.sh writes to),
// checks every host manifest the way the browser will read it, then checks the
// store, and prints each problem with the exact command that fixes it.
#include "cli/doctor.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>

#include "oneself/allowed_callers.h"
#include "oneself/browser_lists.h"
#include "cli/args.h"
#include "cli/host_manifest.h"
#include "cli/read_file.h"
#include "store/device.h"
#include "store/store.h"
#include "store/store_format.h"

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace oneself::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kManifestFile = "org.oneself.host.json";  // kHostName + ".json"

// How the browser starts the host: directly; through a wrapper that leaves
// its Flatpak sandbox; through the desktop portal (Snap Firefox); or not at
// all (a Chromium-family Snap).
enum class Reach { kDirect, kFlatpak, kPortal, kNone };

// A browser is checked when `found_if` exists (its profile folder) or when a
// host manifest already sits in `manifest_dir`.
struct Browser {
  std::string name;
  Family family;
  fs::path found_if;
  fs::path manifest_dir;
  Reach reach = Reach::kDirect;
  std::string app = {};  // the Flatpak app id
};

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// Keep in step with the table in install.sh.
std::vector<Browser> Browsers(bool system) {
  const fs::path home = Env("HOME");
#if defined(__APPLE__)
  if (system) {
    return {
        {"Google Chrome", Family::kChromium, "/Applications/Google Chrome.app",
         "/Library/Google/Chrome/NativeMessagingHosts"},
        {"Chromium", Family::kChromium, "/Applications/Chromium.app",
         "/Library/Application Support/Chromium/NativeMessagingHosts"},
        {"Microsoft Edge", Family::kChromium, "/Applications/Microsoft Edge.app",
         "/Library/Microsoft/Edge/NativeMessagingHosts"},
        {"Firefox", Family::kFirefox, "/Applications/Firefox.app",
         "/Library/Application Support/Mozilla/NativeMessagingHosts"},
    };
  }
  const fs::path as = home / "Library/Application Support";
  return {
      {"Google Chrome", Family::kChromium, as / "Google/Chrome",
       as / "Google/Chrome/NativeMessagingHosts"},
      {"Chromium", Family::kChromium, as / "Chromium", as / "Chromium/NativeMessagingHosts"},
      {"Brave", Family::kChromium, as / "BraveSoftware/Brave-Browser",
       as / "BraveSoftware/Brave-Browser/NativeMessagingHosts"},
      {"Microsoft Edge", Family::kChromium, as / "Microsoft Edge",
       as / "Microsoft Edge/NativeMessagingHosts"},
      {"Vivaldi", Family::kChromium, as / "Vivaldi", as / "Vivaldi/NativeMessagingHosts"},
      {"Firefox", Family::kFirefox, as / "Firefox", as / "Mozilla/NativeMessagingHosts"},
      {"LibreWolf", Family::kFirefox, as / "librewolf", as / "LibreWolf/NativeMessagingHosts"},
  };
#else
  if (system) {
    // manifest/system-folders.txt, as install.sh --system and the package.
    std::vector<Browser> list;
    for (const SystemFolder& f : kSystemFolders) {
      list.push_back({std::string(f.name), f.family == "firefox" ? Family::kFirefox : Family::kChromium,
                      fs::path(f.found_if), fs::path(f.folder)});
    }
    return list;
  }
  // Chromium-family browsers honour XDG_CONFIG_HOME; Firefox and LibreWolf
  // use fixed dot folders.
  const std::string xdg = Env("XDG_CONFIG_HOME");
  const fs::path cfg = xdg.empty() ? home / ".config" : fs::path(xdg);
  std::vector<Browser> list = {
      {"Google Chrome", Family::kChromium, cfg / "google-chrome",
       cfg / "google-chrome/NativeMessagingHosts"},
      {"Chromium", Family::kChromium, cfg / "chromium", cfg / "chromium/NativeMessagingHosts"},
      {"Brave", Family::kChromium, cfg / "BraveSoftware/Brave-Browser",
       cfg / "BraveSoftware/Brave-Browser/NativeMessagingHosts"},
      {"Microsoft Edge", Family::kChromium, cfg / "microsoft-edge",
       cfg / "microsoft-edge/NativeMessagingHosts"},
      {"Vivaldi", Family::kChromium, cfg / "vivaldi", cfg / "vivaldi/NativeMessagingHosts"},
      {"Firefox", Family::kFirefox, home / ".mozilla", home / ".mozilla/native-messaging-hosts"},
      {"LibreWolf", Family::kFirefox, home / ".librewolf",
       home / ".librewolf/native-messaging-hosts"},
  };
  // manifest/sandboxed-browsers.txt, as install.sh.
  for (const SandboxedBrowser& s : kSandboxedBrowsers) {
    Browser b{std::string(s.name), s.family == "firefox" ? Family::kFirefox : Family::kChromium,
              {}, {}};
    if (s.kind == "flatpak") {
      b.found_if = home / ".var/app" / std::string(s.app);
      b.reach = Reach::kFlatpak;
      b.app = std::string(s.app);
    } else {
      b.found_if = home / "snap" / std::string(s.app);
      b.reach = s.folder == "-" ? Reach::kNone : Reach::kPortal;
    }
    if (s.folder != "-") b.manifest_dir = home / std::string(s.folder);
    list.push_back(std::move(b));
  }
  return list;
#endif
}

// The folders `install.sh --browser-dir` registered, as it records them
// (one absolute path a line in ~/.config/oneself/browser-dirs), each read as
// install.sh reads it: a Firefox-family folder when it holds profiles.ini
// or native-messaging-hosts, else a Chromium-family user data folder.
fs::path BrowserDirsFile() {
  const std::string xdg = Env("XDG_CONFIG_HOME");
  const fs::path cfg = xdg.empty() ? fs::path(Env("HOME")) / ".config" : fs::path(xdg);
  return cfg / "oneself/browser-dirs";
}

std::vector<Browser> ExtraBrowsers() {
  std::vector<Browser> list;
  std::ifstream in(BrowserDirsFile());
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() != '/') continue;
    const fs::path dir(line);
    std::error_code ec;
    const bool firefox = fs::exists(dir / "profiles.ini", ec) ||
                         fs::is_directory(dir / "native-messaging-hosts", ec);
    list.push_back({line + " (--browser-dir)", firefox ? Family::kFirefox : Family::kChromium, dir,
                    dir / (firefox ? "native-messaging-hosts" : "NativeMessagingHosts")});
  }
  return list;
}

// A word the shell passes through untouched: '...' with ' written as '\''.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

std::string ModeString(mode_t mode) {
  char octal[8];
  std::snprintf(octal, sizeof octal, "%o", static_cast<unsigned>(mode & 07777));
  return octal;
}

// The path of this program, so a fix can point the browser at it.
fs::path SelfPath() {
#if defined(__APPLE__)
  char buf[4096];
  uint32_t size = sizeof buf;
  if (_NSGetExecutablePath(buf, &size) == 0) {
    std::error_code ec;
    fs::path p = fs::canonical(buf, ec);
    return ec ? fs::path(buf) : p;
  }
  return {};
#else
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p;
#endif
}

bool IsExecutableFile(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

bool IsGoodBinary(const fs::path& p) {
  return p.is_absolute() && p.filename() == "oneself" && IsExecutableFile(p);
}

// One shell line that (re)writes the manifest: removing first so that a
// symlink at the target is replaced, not written through.
// The modes are set, not left to the umask: with umask 002 the file would be
// group-writable, which the next doctor run refuses.
std::string WriteManifestCommand(const fs::path& file, Family family, const fs::path& binary) {
  const std::string qfile = ShellQuote(file.string());
  return "mkdir -p -m 755 " + ShellQuote(file.parent_path().string()) + " && rm -f " + qfile +
         " && printf '%s\\n' " + ShellQuote(ExpectedManifest(family, binary).dump()) + " > " +
         qfile + " && chmod 644 " + qfile;
}

// Whoever can write `p` (or, for a folder, replace what is in it) chooses
// what the browser runs.
bool WritableByOthers(const fs::path& p, mode_t bits) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && (st.st_mode & bits) != 0;
}

std::string ModeOf(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 ? ModeString(st.st_mode) : "unknown";
}

class Report {
 public:
  explicit Report(Output& out) : out_(out) {}

  void Ok(const std::string& what) { out_ << "  ok    " << what << "\n"; }
  void Note(const std::string& what) { out_ << "  note  " << what << "\n"; }
  void Problem(const std::string& what, const std::string& fix) {
    ++problems_;
    out_ << "  FAIL  " << what << "\n";
    if (!fix.empty()) out_ << "        fix: " << fix << "\n";
  }
  int problems() const { return problems_; }

 private:
  Output& out_;
  int problems_ = 0;
};

struct Options {
  bool system = false;
  fs::path binary;  // the binary manifests should name; empty: work it out
};

// Which binary a rewritten manifest should name: the one asked for, else this
// program when it is an installed `oneself`, else the default install place.
fs::path BinaryForFix(const Options& options, const fs::path& in_manifest) {
  if (!options.binary.empty()) return options.binary;
  if (IsGoodBinary(in_manifest)) return in_manifest;
  const fs::path self = SelfPath();
  if (IsGoodBinary(self)) return self;
  return fs::path(Env("HOME")) / ".local/bin/oneself";
}

// Where install.sh puts a Flatpak browser's wrapper: inside the app's own
// folder, which its sandbox sees at the same path.
fs::path WrapperPath(const Browser& b) {
  return fs::path(Env("HOME")) / ".var/app" / b.app / "oneself/oneself";
}

// What a manifest should name: a Flatpak browser's wrapper, else the binary.
fs::path FixTarget(const Browser& b, const Options& options, const fs::path& in_manifest) {
  return b.reach == Reach::kFlatpak ? WrapperPath(b) : BinaryForFix(options, in_manifest);
}

// Checks one manifest as the browser reads it, reporting each problem.
void CheckManifest(const Browser& b, const Options& options, Report& report) {
  const fs::path file = b.manifest_dir / kManifestFile;
  const std::string label = b.name + ": " + file.string();
  std::error_code ec;

  if (!fs::exists(file, ec)) {
    const bool dangling = fs::is_symlink(fs::symlink_status(file, ec));
    report.Problem(b.name + (dangling ? ": the host manifest is a broken symlink: "
                                      : ": no host manifest at ") + file.string(),
                   WriteManifestCommand(file, b.family, FixTarget(b, options, {})));
    return;
  }
  const std::optional<std::string> text = ReadWholeFile(file.string());
  if (!text) {
    report.Problem(label + " cannot be read", "chmod 644 " + ShellQuote(file.string()));
    return;
  }
  json m = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!m.is_object()) {
    report.Problem(label + " is not valid JSON",
                   WriteManifestCommand(file, b.family, FixTarget(b, options, {})));
    return;
  }

  const json* path_value = m.contains("path") ? &m["path"] : nullptr;
  const fs::path path = path_value && path_value->is_string()
                            ? fs::path(path_value->get<std::string>()) : fs::path();
  const std::string rewrite = WriteManifestCommand(file, b.family, FixTarget(b, options, path));
  bool good = true;
  auto fail = [&](const std::string& why, const std::string& fix) {
    good = false;
    report.Problem(label + ": " + why, fix);
  };

  if (!m.contains("name") || m["name"] != std::string(kHostName)) {
    fail("\"name\" must be \"" + std::string(kHostName) + "\"", rewrite);
  }
  if (!m.contains("type") || m["type"] != "stdio") {
    fail("\"type\" must be \"stdio\"", rewrite);
  }
  if (path.empty()) {
    fail("\"path\" is missing", rewrite);
  } else if (!path.is_absolute()) {
    fail("\"path\" must be absolute on Linux and macOS, not " + path.string(), rewrite);
  } else if (!fs::exists(path, ec)) {
    fail("\"path\" names " + path.string() + ", which does not exist", rewrite);
  } else if (!IsExecutableFile(path)) {
    fail(path.string() + " is not an executable file", "chmod 755 " + ShellQuote(path.string()));
  } else if (path.filename() != "oneself") {
    fail("\"path\" names " + path.string() + ", which is not an oneself binary", rewrite);
  } else if (WritableByOthers(path, S_IWGRP | S_IWOTH)) {
    fail(path.string() + " is writable by its group or others (mode " + ModeOf(path) + ")",
         "chmod go-w " + ShellQuote(path.string()));
  }

  // The browser refuses an extension the manifest does not list; each family
  // has its own key.
  const char* key = b.family == Family::kChromium ? "allowed_origins" : "allowed_extensions";
  const json* list = m.contains(key) && m[key].is_array() ? &m[key] : nullptr;
  auto allows = [&](std::string_view want) {
    if (!list) return false;
    for (const json& v : *list) {
      if (v.is_string() && v.get<std::string>() == want) return true;
    }
    return false;
  };
  if (b.family == Family::kChromium) {
    for (std::string_view o : protocol::kAllowedOrigins) {
      if (!allows(o)) fail("\"allowed_origins\" does not allow " + std::string(o), rewrite);
    }
  } else {
    for (std::string_view e : protocol::kAllowedExtensions) {
      if (!allows(e)) fail("\"allowed_extensions\" does not allow " + std::string(e), rewrite);
    }
  }

  if (WritableByOthers(file, S_IWGRP | S_IWOTH)) {
    fail("writable by its group or others (mode " + ModeOf(file) + ")",
         "chmod 644 " + ShellQuote(file.string()));
  }
  // Anyone may write into a world-writable folder, so anyone may replace the
  // manifest (a sticky bit does not stop them creating it first). A
  // group-writable folder is the norm with per-user groups, so only others count.
  if (WritableByOthers(b.manifest_dir, S_IWOTH)) {
    fail("its folder " + b.manifest_dir.string() + " is writable by anyone (mode " +
             ModeOf(b.manifest_dir) + ")",
         "chmod go-w " + ShellQuote(b.manifest_dir.string()));
  }
  if (good) report.Ok(label);
}

// The binary a Flatpak wrapper starts: the word after --watch-bus on its
// `exec flatpak-spawn --host` line, with the shell's backslash escapes
// (install.sh writes it with printf %q) undone. Empty when there is none.
fs::path WrappedBinary(const fs::path& wrapper) {
  std::ifstream in(wrapper);
  std::string line;
  constexpr std::string_view kExec = "exec flatpak-spawn --host --watch-bus ";
  while (std::getline(in, line)) {
    if (line.rfind(kExec, 0) != 0) continue;
    std::string path;
    for (size_t i = kExec.size(); i < line.size() && line[i] != ' '; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      path += line[i];
    }
    return path;
  }
  return {};
}

// One word for the shell, written with backslashes as `printf %q` writes
// it in install.sh, so that WrappedBinary reads both alike.
std::string BackslashEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '.' || c == '_' || c == '-' || c == '+';
    if (!plain) out += '\\';
    out += c;
  }
  return out;
}

// The shell line that (re)writes a Flatpak wrapper.
std::string WriteWrapperCommand(const fs::path& wrapper, const fs::path& binary) {
  const std::string q = ShellQuote(wrapper.string());
  return "mkdir -p " + ShellQuote(wrapper.parent_path().string()) + " && printf '%s\\n' '#!/bin/sh' " +
         ShellQuote("exec flatpak-spawn --host --watch-bus " + BackslashEscape(binary.string()) +
                    " \"$@\"") + " > " + q +
         " && chmod 755 " + q + "   # or run ./install.sh again";
}

// Whether the app may call org.freedesktop.Flatpak, which flatpak-spawn
// --host needs: `flatpak override` writes that into an overrides file.
bool FlatpakMayTalk(const std::string& app) {
  const fs::path home = Env("HOME");
  for (const fs::path& file : {home / ".local/share/flatpak/overrides" / app,
                               home / ".local/share/flatpak/overrides/global",
                               fs::path("/var/lib/flatpak/overrides") / app,
                               fs::path("/var/lib/flatpak/overrides/global")}) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (line == "org.freedesktop.Flatpak=talk" || line == "org.freedesktop.Flatpak=own") return true;
    }
  }
  return false;
}

// A Flatpak browser reaches the host only through the wrapper, and the
// wrapper only with the permission.
void CheckFlatpak(const Browser& b, const Options& options, Report& report) {
  const fs::path wrapper = WrapperPath(b);
  const fs::path wrapped = IsExecutableFile(wrapper) ? WrappedBinary(wrapper) : fs::path();
  bool good = true;
  if (!IsExecutableFile(wrapper)) {
    good = false;
    report.Problem(b.name + ": no wrapper at " + wrapper.string() +
                       " to start oneself outside the sandbox",
                   WriteWrapperCommand(wrapper, BinaryForFix(options, {})));
  } else if (!IsGoodBinary(wrapped)) {
    good = false;
    report.Problem(b.name + ": the wrapper " + wrapper.string() + " starts " +
                       (wrapped.empty() ? std::string("nothing") : wrapped.string()) +
                       ", not an executable oneself outside the sandbox",
                   WriteWrapperCommand(wrapper, BinaryForFix(options, wrapped)));
  }
  if (!FlatpakMayTalk(b.app)) {
    good = false;
    report.Problem(b.name + ": the Flatpak may not start programs outside its sandbox, so "
                       "the wrapper cannot start oneself (it needs talk-name=org.freedesktop.Flatpak)",
                   "flatpak override --user --talk-name=org.freedesktop.Flatpak " + b.app +
                       "   # then restart the browser");
  }
  if (good) report.Ok(b.name + ": " + wrapper.string() + " starts " + wrapped.string() + " outside the sandbox");
}

void CheckBrowsers(const Options& options, Report& report) {
  int checked = 0;
  std::vector<Browser> browsers = Browsers(options.system);
  if (!options.system) {
    for (Browser& b : ExtraBrowsers()) browsers.push_back(std::move(b));
  }
  for (const Browser& b : browsers) {
    std::error_code ec;
    if (b.reach == Reach::kNone) {
      if (!fs::is_directory(b.found_if, ec)) continue;
      ++checked;
      report.Problem(b.name + " cannot start oneself: a Chromium-family browser in a Snap cannot "
                              "start a program outside its sandbox, and it has no portal for native messaging",
                     "use the browser from a .deb package or from Flathub, then run ./install.sh again");
      continue;
    }
    const fs::path file = b.manifest_dir / kManifestFile;
    const bool has_manifest =
        fs::exists(fs::symlink_status(file, ec));  // counts a broken symlink too
    if (!fs::is_directory(b.found_if, ec) && !has_manifest) continue;
    ++checked;
    CheckManifest(b, options, report);
    if (b.reach == Reach::kFlatpak) CheckFlatpak(b, options, report);
    if (b.reach == Reach::kPortal) {
      report.Note(b.name + " starts the host through the desktop portal, which reads " +
                  b.manifest_dir.string() + ": it needs xdg-desktop-portal 1.18 or later (or Ubuntu's) "
                  "and widget.use-xdg-desktop-portal.native-messaging = 1 in about:config");
    }
  }
  if (checked == 0) {
    report.Problem("no browser found (no browser profile folder, no host manifest)",
                   "start your browser once, then run ./install.sh from the oneself checkout");
  }
}

void CheckStore(Report& report) {
  const fs::path dir = store::DefaultDirectory();
  const std::string qdir = ShellQuote(dir.string());
  std::error_code ec;
  store::Store st(dir);

  // Only a store that is truly absent is fixed by `oneself init`; one that
  // cannot be reached or read would make init fail the same way.
  struct stat s {};
  if (::stat(dir.c_str(), &s) != 0) {
    const int err = errno;
    if (err == ENOENT) {
      report.Problem("no profile store at " + dir.string(), "oneself init");
    } else {
      // The folder itself cannot be looked at: the fault is on the way to it.
      report.Problem("cannot read " + dir.string() + ": " + std::strerror(err),
                     "ls -ld " + ShellQuote(dir.parent_path().string()) +
                         "   # a folder on the way is not a folder or not yours");
    }
    return;
  }
  if (!S_ISDIR(s.st_mode)) {
    report.Problem("the store " + dir.string() + " is not a folder",
                   "mv " + qdir + " " + ShellQuote(dir.string() + ".bak") + " && oneself init");
    return;
  }
  struct stat ps {};
  const fs::path profile = dir / std::string(store::format::kProfileFile);
  const fs::path devices = dir / std::string(store::format::kDevicesDir);
  if (::stat(devices.c_str(), &ps) != 0 && ::stat(profile.c_str(), &ps) != 0) {
    const int err = errno;
    if (err == ENOENT) {
      report.Problem("no profile store at " + dir.string(), "oneself init");
    } else {
      // Typically a store made by `sudo oneself init`: root's, mode 700.
      report.Problem("cannot read " + dir.string() + ": " + std::strerror(err),
                     "sudo chown -R \"$(id -un)\" " + qdir + " && chmod -R u+rwX,go-rwx " + qdir);
    }
    return;
  }

  bool good = true;
  if (s.st_uid != ::getuid()) {
    good = false;
    report.Problem("the store " + dir.string() + " belongs to another user (uid " +
                       std::to_string(s.st_uid) + ")",
                   "sudo chown -R \"$(id -un)\" " + qdir);
  }
  if ((s.st_mode & 0777) != 0700) {
    good = false;
    report.Problem("the store folder " + dir.string() + " has mode " + ModeString(s.st_mode) +
                       ", not 700",
                   "chmod 700 " + qdir);
  }
  // Profile data is for its owner's eyes only.
  // Other machines' device files are as their sync engine made them (git
  // checks files out 0644), and a git or Syncthing folder of the store keeps
  // its own metadata: only what this machine writes must be 0600; the
  // store folder's 0700 keeps the rest private (docs/store.md).
  std::string self;
  if (auto id = store::ReadIdentity(store::Env::Default(), dir); id.ok() && *id) self = (*id)->device;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    const std::string leaf = e.path().filename().string();
    const bool syncMeta = it.depth() == 0 && (leaf == ".git" || leaf == ".stfolder" || leaf == ".stversions");
    const bool otherDevice = it.depth() == 1 && e.path().parent_path().filename() == "devices" && leaf != self;
    if (syncMeta || otherDevice) {
      it.disable_recursion_pending();
      continue;
    }
    struct stat fst {};
    if (::lstat(e.path().c_str(), &fst) != 0) continue;
    const std::string q = ShellQuote(e.path().string());
    if (S_ISREG(fst.st_mode) && (fst.st_mode & 077) != 0) {
      good = false;
      report.Problem(e.path().string() + " has mode " + ModeString(fst.st_mode) + ", not 600",
                     "chmod 600 " + q);
    } else if (S_ISDIR(fst.st_mode) && (fst.st_mode & 077) != 0) {
      good = false;
      report.Problem(e.path().string() + " has mode " + ModeString(fst.st_mode) + ", not 700",
                     "chmod 700 " + q);
    }
  }

  Result<store::Snapshot> snap = st.Load();
  if (!snap.ok()) {
    report.Problem("the store cannot be read: " + snap.status().message(),
                   "ls -la " + qdir + "   # then fix the owner or mode it shows");
    return;
  }
  Result<store::VerifyReport> verified = st.Verify();
  if (!verified.ok()) {
    report.Problem("the journal cannot be checked: " + verified.status().message(),
                   "oneself verify   # shows the details");
    return;
  }
  for (const std::string& p : verified->problems) {
    // File modes were checked above, for every file, with their fixes.
    if (p.find(" has mode ") != std::string::npos) continue;
    good = false;
    // Verify appends "(fix: COMMAND)" when it knows one.
    const size_t at = p.rfind(" (fix: ");
    if (at != std::string::npos && p.back() == ')') {
      report.Problem("store: " + p.substr(0, at), p.substr(at + 7, p.size() - at - 8));
      continue;
    }
    // A damaged history has no automatic fix: the profile itself is intact
    // (it never depends on the journal) and the journal is evidence.
    report.Problem("journal: " + p,
                   "cp -a " + qdir + " " + ShellQuote(dir.string() + ".bak") +
                       " and restore the journal from a backup; `oneself verify` shows details");
  }
  if (good) {
    report.Ok("store: " + dir.string() + " (revision " + std::to_string(snap->revision) +
              ", journal of " + std::to_string(verified->entries) + " entries verifies)");
  }
}

// Browsers start the host from the desktop session's environment, which
// often lacks what a shell exports: then host and CLI use different stores.
void NoteStoreOverride(Report& report) {
  if (!Env("ONESELF_HOME").empty()) {
    report.Note("ONESELF_HOME is set in this shell; a browser starts the host with your "
                "session's environment, so set it there too or the host uses another store");
  }
}

void NoteOnPath(Report& report) {
  const std::string path = Env("PATH");
  for (size_t start = 0; start <= path.size();) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    const std::string dir = path.substr(start, end - start);
    if (!dir.empty() && IsExecutableFile(fs::path(dir) / "oneself")) return;
    start = end + 1;
  }
  report.Note("`oneself` is not on your PATH (browsers do not need it; your shell does)");
}

// doctor's options, read by the parser every subcommand uses.
Result<Options> OptionsFrom(const Args& args) {
  if (!args.positional.empty()) return Status::BadRequest("doctor takes no arguments, only options");
  if (args.Has("--json")) return Status::BadRequest("doctor has no --json output");
  Options options;
  options.system = args.Has("--system");
  if (const std::string* binary = args.Option("--binary")) {
    // A fix that points browsers at a file that cannot run only moves the problem.
    std::error_code ec;
    options.binary = fs::absolute(*binary, ec);
    if (ec || !fs::exists(options.binary, ec)) {
      return Status::BadRequest("--binary " + *binary + ": no such file");
    }
    if (!IsExecutableFile(options.binary)) {
      return Status::BadRequest("--binary " + *binary + " is not an executable file");
    }
  }
  return options;
}

}  // namespace

int RunDoctor(const std::vector<std::string>& args, Output& out, Output& err) {
  constexpr std::string_view kValued[] = {"--binary"};
  constexpr std::string_view kFlags[] = {"--system"};
  Result<Args> parsed = ParseArgs(args, kValued, kFlags);
  if (parsed.ok() && parsed->Has("--help")) {
    out << kDoctorUsage;
    return 0;
  }
  Result<Options> options = parsed.ok() ? OptionsFrom(*parsed) : Result<Options>(parsed.status());
  if (!options.ok()) {
    err << "oneself doctor: " << options.status().message() << "; see `oneself doctor --help`\n";
    return 1;
  }
  if (Env("HOME").empty()) {
    err << "oneself doctor: HOME is not set\n";
    return 1;
  }

  try {
    Report report(out);
    out << "Browsers (host manifest " << kHostName << ".json):\n";
    CheckBrowsers(*options, report);
    out << "Profile store:\n";
    CheckStore(report);
    NoteStoreOverride(report);
    NoteOnPath(report);
    if (report.problems() == 0) {
      out << "All good.\n";
      return 0;
    }
    out << report.problems() << (report.problems() == 1 ? " problem" : " problems")
        << " found. Run each fix, then `oneself doctor` again.\n";
    return 1;
  } catch (const std::exception& e) {
    // filesystem iteration can throw on races with other processes.
    err << "oneself doctor: internal error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace oneself::cli
