// UTF-8 <-> UTF-16 at the Windows API boundary. Inside, oneself keeps text
// and paths in UTF-8; every W function is called with what these return.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace oneself::platform {

std::wstring Wide(std::string_view utf8);
std::string Utf8(std::wstring_view wide);
inline std::string Utf8(const std::wstring& wide) { return Utf8(std::wstring_view(wide)); }
inline std::string Utf8(const wchar_t* wide) { return Utf8(std::wstring_view(wide)); }
// A path's UTF-8 form: path.string() would use the ANSI code page.
inline std::string Utf8(const std::filesystem::path& p) { return Utf8(std::wstring_view(p.native())); }
// The environment variable `name` (ASCII), read as UTF-16; "" when unset.
std::wstring EnvW(const wchar_t* name);

}  // namespace oneself::platform
