// `oneself doctor` on Windows: for every browser of browser_registry_win32.h,
// the registry key that names the host manifest, read as the browser reads
// it (per user first, then the machine; each in the 64-bit and the 32-bit
// registry view, which people trip on when a 32-bit tool wrote the key),
// the manifest it names and the binary that manifest names; then the store:
// its access list and its journal (Store::Verify).
#include <windows.h>

#include <fstream>
#include <optional>

#include "cli/args.h"
#include "cli/browser_registry_win32.h"
#include "cli/doctor.h"
#include "cli/registration.h"
#include "platform/wide.h"
#include "store/store.h"

namespace oneself::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

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

struct Location {
  HKEY root;
  REGSAM view;
  const char* label;
};

const Location kLocations[] = {
    {HKEY_CURRENT_USER, KEY_WOW64_64KEY, "HKCU (64-bit view)"},
    {HKEY_CURRENT_USER, KEY_WOW64_32KEY, "HKCU (32-bit view)"},
    {HKEY_LOCAL_MACHINE, KEY_WOW64_64KEY, "HKLM (64-bit view)"},
    {HKEY_LOCAL_MACHINE, KEY_WOW64_32KEY, "HKLM (32-bit view)"},
};

// The default value of `root\key` in `view`; nullopt when the key is absent.
std::optional<std::wstring> DefaultValue(HKEY root, const std::wstring& key, REGSAM view) {
  HKEY h = nullptr;
  if (::RegOpenKeyExW(root, key.c_str(), 0, KEY_QUERY_VALUE | view, &h) != ERROR_SUCCESS) return std::nullopt;
  DWORD type = 0, size = 0;
  std::wstring value;
  if (::RegQueryValueExW(h, nullptr, nullptr, &type, nullptr, &size) == ERROR_SUCCESS && type == REG_SZ) {
    value.resize(size / sizeof(wchar_t));
    ::RegQueryValueExW(h, nullptr, nullptr, &type, reinterpret_cast<BYTE*>(value.data()), &size);
    while (!value.empty() && value.back() == L'\0') value.pop_back();
  }
  ::RegCloseKey(h);
  return value;
}

bool KeyExists(HKEY root, const std::wstring& key) {
  for (REGSAM view : {KEY_WOW64_64KEY, KEY_WOW64_32KEY}) {
    HKEY h = nullptr;
    if (::RegOpenKeyExW(root, key.c_str(), 0, KEY_READ | view, &h) == ERROR_SUCCESS) {
      ::RegCloseKey(h);
      return true;
    }
  }
  return false;
}

// The browser's own registry root (the key above NativeMessagingHosts): there
// when the browser was installed or run.
bool BrowserPresent(const RegistryBrowser& b) {
  std::wstring root(b.key);
  root.resize(root.rfind(L'\\'));
  return KeyExists(HKEY_CURRENT_USER, root) || KeyExists(HKEY_LOCAL_MACHINE, root);
}

// Checks the manifest `file` as the browser would; returns whether all is well.
bool CheckManifestFile(const RegistryBrowser& b, const fs::path& file, Report& report) {
  const std::string label = std::string(b.name) + ": " + platform::Utf8(file);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    report.Problem(label + " is named in the registry but cannot be read", "oneself register");
    return false;
  }
  json m = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!m.is_object()) {
    report.Problem(label + " is not valid JSON", "oneself register");
    return false;
  }
  const std::string path = m.value("path", "");
  std::error_code ec;
  if (m.value("name", "") != kHostName) {
    report.Problem(label + ": \"name\" is not " + std::string(kHostName), "oneself register");
    return false;
  }
  if (path.empty() || !fs::is_regular_file(fs::path(platform::Wide(path)), ec)) {
    report.Problem(label + " names " + (path.empty() ? "no program" : path + ", which does not exist"),
                   "oneself register   # run from the oneself.exe browsers should start");
    return false;
  }
  if (m != ExpectedManifest(b.family, fs::path(platform::Wide(path)))) {
    report.Problem(label + " does not allow the oneself extension as this version expects",
                   "oneself register");
    return false;
  }
  report.Ok(label + " -> " + path);
  return true;
}

int CheckBrowsers(Report& report) {
  int registered = 0;
  for (const RegistryBrowser& b : kRegistryBrowsers) {
    const std::wstring key = std::wstring(b.key) + L"\\" + platform::Wide(kHostName);
    std::optional<std::wstring> first;
    std::string firstAt;
    for (const Location& at : kLocations) {
      std::optional<std::wstring> value = DefaultValue(at.root, key, at.view);
      if (!value) continue;
      if (!first) {
        first = value;
        firstAt = at.label;
      } else if (*value != *first) {
        // Which one the browser reads depends on its own bitness: both must agree.
        report.Problem(std::string(b.name) + ": " + at.label + " names " + platform::Utf8(*value) + " but " +
                           firstAt + " names " + platform::Utf8(*first),
                       "reg delete \"" + std::string(at.root == HKEY_CURRENT_USER ? "HKCU" : "HKLM") + "\\" +
                           platform::Utf8(key) + "\" /f " + (at.view == KEY_WOW64_32KEY ? "/reg:32" : "/reg:64") +
                           " && oneself register");
      }
    }
    if (!first) {
      if (BrowserPresent(b)) {
        report.Problem(std::string(b.name) + " is installed but oneself is not registered with it",
                       "oneself register");
      }
      continue;
    }
    ++registered;
    if (first->empty()) {
      report.Problem(std::string(b.name) + ": the key in " + firstAt + " has no manifest path", "oneself register");
      continue;
    }
    CheckManifestFile(b, fs::path(*first), report);
  }
  if (registered == 0) report.Problem("oneself is registered with no browser", "oneself register");
  return registered;
}

void CheckStore(Report& report) {
  const fs::path dir = store::DefaultDirectory();
  const std::string shown = platform::Utf8(dir);
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    report.Problem("no profile store at " + shown, "oneself init");
    return;
  }
  store::Store st(dir);
  Result<store::VerifyReport> verified = st.Verify();
  if (!verified.ok()) {
    report.Problem("the journal cannot be checked: " + verified.status().message(),
                   "oneself verify   # shows the details");
    return;
  }
  bool good = true;
  for (const std::string& p : verified->problems) {
    good = false;
    const size_t at = p.rfind(" (fix: ");
    if (at != std::string::npos && p.back() == ')') {
      report.Problem("store: " + p.substr(0, at), p.substr(at + 7, p.size() - at - 8));
    } else {
      report.Problem("store: " + p, "copy the folder " + shown +
                                        " aside and restore the journal from a backup; `oneself verify` shows details");
    }
  }
  if (good) {
    report.Ok("store: " + shown + " (private to you; revision " + std::to_string(verified->revision) +
              ", journal of " + std::to_string(verified->entries) + " entries verifies)");
  }
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
  if (!parsed.ok() || !parsed->positional.empty() || parsed->Has("--system") || parsed->Option("--binary")) {
    err << "oneself doctor: on Windows doctor takes no options (the registry says where each browser looks); "
           "see `oneself doctor --help`\n";
    return 1;
  }
  try {
    Report report(out);
    out << "Browsers (registry key " << kHostName << "):\n";
    CheckBrowsers(report);
    out << "Profile store:\n";
    CheckStore(report);
    if (report.problems() == 0) {
      out << "All good.\n";
      return 0;
    }
    out << report.problems() << (report.problems() == 1 ? " problem" : " problems")
        << " found. Run each fix, then `oneself doctor` again.\n";
    return 1;
  } catch (const std::exception& e) {
    err << "oneself doctor: internal error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace oneself::cli
