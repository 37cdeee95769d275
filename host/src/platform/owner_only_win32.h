// The Windows counterpart of modes 0700/0600: a protected DACL (nothing
// inherited from the parent folder) with one entry, full control for the
// current user, inherited by everything created inside. Used by the store's
// Env when it creates the store folder, by logging for its folder, and
// checked by `doctor` and `verify`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace oneself::platform {

// Replaces the DACL of `path` (file or folder) with the owner-only one; ""
// on success, else what failed.
std::string MakeOwnerOnly(const std::filesystem::path& path);

// Why `path`'s DACL lets someone other than the current user (or the
// LocalSystem account, which reads every file anyway, as root does on POSIX)
// in; nullopt when it does not. A missing path is nullopt.
std::optional<std::string> OwnerOnlyProblem(const std::filesystem::path& path);

// The text of a Win32 error code, without the trailing newline.
std::string ErrorText(unsigned long code);

// %LOCALAPPDATA% (the known folder, or the variable if that fails); empty
// when neither is available.
std::filesystem::path LocalAppData();

}  // namespace oneself::platform
