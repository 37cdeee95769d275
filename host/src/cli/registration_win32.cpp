// Windows registration: two host manifests beside oneself.exe (one per
// family: their allowed-caller keys differ) and, for every browser of
// browser_registry_win32.h, the key HKCU\<browser key>\org.oneself.host whose
// default value is the manifest's path. Per user: no administrator needed.
// HKCU\Software is shared by the 32- and 64-bit registry views, so one write
// serves both; `doctor` reads both to be sure.
#include <windows.h>

#include <fstream>

#include "cli/browser_registry_win32.h"
#include "cli/registration.h"
#include "platform/owner_only_win32.h"
#include "platform/wide.h"

namespace oneself::cli {
namespace {

std::wstring HostKey(const RegistryBrowser& b) {
  return std::wstring(b.key) + L"\\" + platform::Wide(kHostName);
}

std::string KeyText(const RegistryBrowser& b) { return "HKCU\\" + platform::Utf8(HostKey(b)); }

Status WriteManifest(const std::filesystem::path& file, Family family, const std::filesystem::path& binary) {
  // Written whole to a temporary name and renamed over, so that a browser
  // starting at that moment reads the old manifest or the new one.
  std::filesystem::path tmp = file;
  tmp += L".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << ExpectedManifest(family, binary).dump(2) << "\n";
    out.close();
    if (!out) return Status::StoreError("cannot write " + platform::Utf8(tmp) + " (is the folder writable?)");
  }
  if (!::MoveFileExW(tmp.c_str(), file.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return Status::StoreError("cannot write " + platform::Utf8(file) + ": " + platform::ErrorText(::GetLastError()));
  return Status::Ok();
}

}  // namespace

std::filesystem::path SelfBinary() {
  std::wstring buf(MAX_PATH, L'\0');
  for (;;) {
    const DWORD n = ::GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0) return {};
    if (n < buf.size()) {
      buf.resize(n);
      return std::filesystem::path(buf);
    }
    buf.resize(buf.size() * 2);
  }
}

Result<std::vector<std::string>> RegisterHost(const std::filesystem::path& binary) {
  std::vector<std::string> done;
  const std::filesystem::path dir = binary.parent_path();
  for (Family family : {Family::kChromium, Family::kFirefox}) {
    const std::filesystem::path file = dir / ManifestFileName(family);
    if (Status s = WriteManifest(file, family, binary); !s.ok()) return s;
    done.push_back("wrote " + platform::Utf8(file));
  }
  for (const RegistryBrowser& b : kRegistryBrowsers) {
    const std::wstring manifest = (dir / ManifestFileName(b.family)).native();
    HKEY key = nullptr;
    LSTATUS rc = ::RegCreateKeyExW(HKEY_CURRENT_USER, HostKey(b).c_str(), 0, nullptr, REG_OPTION_NON_VOLATILE,
                                   KEY_SET_VALUE | KEY_WOW64_64KEY, nullptr, &key, nullptr);
    if (rc == ERROR_SUCCESS) {
      rc = ::RegSetValueExW(key, nullptr, 0, REG_SZ, reinterpret_cast<const BYTE*>(manifest.c_str()),
                            static_cast<DWORD>((manifest.size() + 1) * sizeof(wchar_t)));
      ::RegCloseKey(key);
    }
    if (rc != ERROR_SUCCESS)
      return Status::StoreError("cannot write the registry key " + KeyText(b) + ": " + platform::ErrorText(rc));
    done.push_back(std::string(b.name) + ": " + KeyText(b));
  }
  return done;
}

Result<std::vector<std::string>> UnregisterHost(const std::filesystem::path& binary) {
  std::vector<std::string> done;
  for (const RegistryBrowser& b : kRegistryBrowsers) {
    const LSTATUS rc = ::RegDeleteKeyExW(HKEY_CURRENT_USER, HostKey(b).c_str(), KEY_WOW64_64KEY, 0);
    if (rc == ERROR_SUCCESS) {
      done.push_back(std::string(b.name) + ": removed " + KeyText(b));
    } else if (rc != ERROR_FILE_NOT_FOUND) {
      return Status::StoreError("cannot remove the registry key " + KeyText(b) + ": " + platform::ErrorText(rc));
    }
  }
  const std::filesystem::path dir = binary.parent_path();
  for (Family family : {Family::kChromium, Family::kFirefox}) {
    const std::filesystem::path file = dir / ManifestFileName(family);
    if (::DeleteFileW(file.c_str())) {
      done.push_back("removed " + platform::Utf8(file));
    } else if (const DWORD err = ::GetLastError(); err != ERROR_FILE_NOT_FOUND) {
      return Status::StoreError("cannot remove " + platform::Utf8(file) + ": " + platform::ErrorText(err));
    }
  }
  return done;
}

}  // namespace oneself::cli
