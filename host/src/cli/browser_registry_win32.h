// The one list of Windows browsers and the registry key under which each
// looks for native messaging hosts, per user (HKEY_CURRENT_USER) and for
// the machine (HKEY_LOCAL_MACHINE). Sources: each browser's documentation
// of native messaging (Chrome, Edge, Firefox: "Native manifests" on MDN),
// and the Chromium-derived browsers' own registry roots, checked 2026-12.
#pragma once

#include <array>
#include <string_view>

#include "cli/host_manifest.h"

namespace oneself::cli {

struct RegistryBrowser {
  std::string_view name;
  Family family;
  std::wstring_view key;  // ...\NativeMessagingHosts; the host's key is below it
};

inline constexpr std::array<RegistryBrowser, 7> kRegistryBrowsers{{
    {"Google Chrome", Family::kChromium, L"Software\\Google\\Chrome\\NativeMessagingHosts"},
    {"Chromium", Family::kChromium, L"Software\\Chromium\\NativeMessagingHosts"},
    {"Microsoft Edge", Family::kChromium, L"Software\\Microsoft\\Edge\\NativeMessagingHosts"},
    {"Brave", Family::kChromium, L"Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts"},
    {"Vivaldi", Family::kChromium, L"Software\\Vivaldi\\NativeMessagingHosts"},
    {"Firefox", Family::kFirefox, L"Software\\Mozilla\\NativeMessagingHosts"},
    {"LibreWolf", Family::kFirefox, L"Software\\LibreWolf\\NativeMessagingHosts"},
}};

// The manifest file beside oneself.exe for a family.
inline constexpr std::wstring_view ManifestFileName(Family family) {
  return family == Family::kChromium ? L"org.oneself.host.chromium.json" : L"org.oneself.host.firefox.json";
}

}  // namespace oneself::cli
