#include <windows.h>
#include <aclapi.h>
#include <sddl.h>
#include <shlobj.h>

#include <memory>
#include <vector>

#include "platform/owner_only_win32.h"
#include "platform/wide.h"

namespace oneself::platform {
namespace {

// The current user's SID, in a buffer that lives as long as the vector.
std::vector<unsigned char> CurrentUserSid() {
  HANDLE token = nullptr;
  if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
  DWORD size = 0;
  ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::vector<unsigned char> buf(size);
  std::vector<unsigned char> sid;
  if (size != 0 && ::GetTokenInformation(token, TokenUser, buf.data(), size, &size)) {
    PSID s = reinterpret_cast<TOKEN_USER*>(buf.data())->User.Sid;
    sid.resize(::GetLengthSid(s));
    ::CopySid(static_cast<DWORD>(sid.size()), sid.data(), s);
  }
  ::CloseHandle(token);
  return sid;
}

std::string SidText(PSID sid) {
  wchar_t* text = nullptr;
  if (!::ConvertSidToStringSidW(sid, &text)) return "(unknown)";
  std::string out = Utf8(std::wstring_view(text));
  ::LocalFree(text);
  return out;
}

}  // namespace

std::string ErrorText(unsigned long code) {
  wchar_t* text = nullptr;
  const DWORD n = ::FormatMessageW(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code,
      0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
  std::string out = n != 0 ? Utf8(std::wstring_view(text, n)) : "error " + std::to_string(code);
  if (text != nullptr) ::LocalFree(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ' || out.back() == '.'))
    out.pop_back();
  return out;
}

std::string MakeOwnerOnly(const std::filesystem::path& path) {
  std::vector<unsigned char> sid = CurrentUserSid();
  if (sid.empty()) return "cannot read the current user's identity";
  EXPLICIT_ACCESS_W access{};
  access.grfAccessPermissions = GENERIC_ALL;
  access.grfAccessMode = SET_ACCESS;
  access.grfInheritance = SUB_CONTAINERS_AND_OBJECTS_INHERIT;
  access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
  access.Trustee.TrusteeType = TRUSTEE_IS_USER;
  access.Trustee.ptstrName = reinterpret_cast<LPWSTR>(sid.data());
  PACL acl = nullptr;
  if (DWORD rc = ::SetEntriesInAclW(1, &access, nullptr, &acl); rc != ERROR_SUCCESS)
    return "cannot build the access list: " + ErrorText(rc);
  std::wstring name = path.native();
  const DWORD rc = ::SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                                           DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                           nullptr, nullptr, acl, nullptr);
  ::LocalFree(acl);
  if (rc != ERROR_SUCCESS) return "cannot set the access list of " + Utf8(path) + ": " + ErrorText(rc);
  return {};
}

std::optional<std::string> OwnerOnlyProblem(const std::filesystem::path& path) {
  if (::GetFileAttributesW(path.c_str()) == INVALID_FILE_ATTRIBUTES) return std::nullopt;
  std::vector<unsigned char> me = CurrentUserSid();
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR sd = nullptr;
  std::wstring name = path.native();
  const DWORD rc = ::GetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                                           nullptr, &dacl, nullptr, &sd);
  if (rc != ERROR_SUCCESS) return "cannot read its access list: " + ErrorText(rc);
  std::unique_ptr<void, decltype(&::LocalFree)> hold(sd, &::LocalFree);
  if (dacl == nullptr) return std::string("it has no access list: everyone may read and change it");
  unsigned char systemSid[SECURITY_MAX_SID_SIZE];
  DWORD systemSize = sizeof systemSid;
  ::CreateWellKnownSid(WinLocalSystemSid, nullptr, systemSid, &systemSize);
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* ace = nullptr;
    if (!::GetAce(dacl, i, &ace)) continue;
    const auto* header = static_cast<ACE_HEADER*>(ace);
    if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    PSID sid = &static_cast<ACCESS_ALLOWED_ACE*>(ace)->SidStart;
    if (!me.empty() && ::EqualSid(sid, me.data())) continue;
    if (::EqualSid(sid, systemSid)) continue;
    return "its access list lets " + SidText(sid) + " in, not only you";
  }
  return std::nullopt;
}

std::filesystem::path LocalAppData() {
  wchar_t* known = nullptr;
  if (::SHGetKnownFolderPath(FOLDERID_LocalAppData, 0, nullptr, &known) == S_OK) {
    std::filesystem::path out(known);
    ::CoTaskMemFree(known);
    return out;
  }
  if (known != nullptr) ::CoTaskMemFree(known);
  return std::filesystem::path(EnvW(L"LOCALAPPDATA"));
}

}  // namespace oneself::platform
