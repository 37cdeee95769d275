// Whether the store is private to its user: modes 0700/0600 on POSIX
// (store_access_posix.cpp), an owner-only access list on Windows
// (store_access_win32.cpp). Store::Verify reports what this finds.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace oneself::store {

// Calls `add` with one sentence per problem, each with its fix.
void CheckAccess(const std::filesystem::path& dir, const std::function<void(std::string)>& add);

}  // namespace oneself::store
