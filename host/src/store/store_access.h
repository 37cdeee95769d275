// Whether the store is private to its user: modes 0700/0600 on POSIX
// (store_access_posix.cpp), an owner-only access list on Windows
// (store_access_win32.cpp). Store::Verify reports what this finds.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace oneself::store {

// Checks the store folder itself and everything under `own`, the folders
// this machine writes (its local/ folder and its device folder). Other
// devices' files are as their sync engine made them (git writes 0644); the
// store folder's own privacy keeps them private. Calls `add` with one
// sentence per problem, each with its fix.
void CheckAccess(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& own,
                 const std::function<void(std::string)>& add);

}  // namespace oneself::store
