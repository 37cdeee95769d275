// Windows: ONESELF_HOME if set, else %LOCALAPPDATA%\oneself\store (the logs
// go beside it, in %LOCALAPPDATA%\oneself\logs). Read as UTF-16, so a user
// folder such as C:\Users\李 is kept whole.
#include "platform/owner_only_win32.h"
#include "platform/wide.h"
#include "store/store.h"

namespace oneself::store {

std::filesystem::path DefaultDirectory() {
  if (std::wstring home = platform::EnvW(L"ONESELF_HOME"); !home.empty()) return std::filesystem::path(home);
  return platform::LocalAppData() / L"oneself" / L"store";
}

}  // namespace oneself::store
