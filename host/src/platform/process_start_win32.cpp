// Windows: the C runtime's descriptors 0, 1 and 2 sit on the process's
// standard handles. A browser starts the host with pipes on all three; a
// program started without a console or a handle has a descriptor that is
// not open (_get_osfhandle fails), which is held by NUL as on POSIX.
#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>

#include <cerrno>

#include "platform/process_start.h"
#include "platform/wide.h"

namespace oneself::platform {

std::vector<std::string> ProgramArguments(int argc, char** argv) {
  int n = 0;
  wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &n);
  if (wide == nullptr) return std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc);
  std::vector<std::string> args;
  for (int i = 1; i < n; ++i) args.push_back(Utf8(wide[i]));
  ::LocalFree(wide);
  return args;
}

void MakeNewFilesPrivate() {}

ClosedStandard HoldStandardDescriptors() {
  ClosedStandard closed;
  bool* flags[] = {&closed.in, &closed.out, &closed.err};
  for (int fd = 0; fd <= 2; ++fd) {
    const intptr_t handle = ::_get_osfhandle(fd);
    if (handle == -1 || handle == -2) {
      *flags[fd] = true;
      const int held = ::_wopen(L"NUL", fd == 0 ? _O_RDONLY : _O_WRONLY);
      if (held >= 0 && held != fd) {
        ::_dup2(held, fd);
        ::_close(held);
      }
    }
    ::_setmode(fd, _O_BINARY);
  }
  return closed;
}

int ProtectStdout() {
  const int frames = ::_dup(1);
  if (frames < 0 || ::_dup2(2, 1) < 0) return -1;
  ::_setmode(frames, _O_BINARY);
  // The duplicate's OS handle must not leak into programs the host might
  // start (it starts none today); the CRT duplicates handles inheritable.
  ::SetHandleInformation(reinterpret_cast<HANDLE>(::_get_osfhandle(frames)), HANDLE_FLAG_INHERIT, 0);
  return frames;
}

}  // namespace oneself::platform
