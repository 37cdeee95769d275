// The `oneself` CLI run as a person runs it, in a home of its own: a private
// store, state folder and HOME, stderr captured to a file.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../hardening/host_pipe.h"

namespace blackbox {

struct Cli {
  hardening::TempDir dir{"oneself-cli"};
  std::vector<std::string> env = hardening::MakeEnv({{"ONESELF_HOME", (dir.path() / "store").string()},
                                                     {"XDG_STATE_HOME", (dir.path() / "state").string()},
                                                     {"HOME", dir.path().string()}});
  std::string errPath() const { return (dir.path() / "stderr").string(); }
  hardening::CommandResult Run(const std::vector<std::string>& args) {
    std::filesystem::remove(errPath());
    return hardening::RunCommand(hardening::BinaryUnderTest(ONESELF_BINARY), args, env, errPath());
  }
  std::string Err() const {
    std::ifstream in(errPath());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  // Writes a file in the home and returns its path.
  std::string Write(const std::string& name, const std::string& text) {
    auto p = dir.path() / name;
    std::ofstream(p) << text;
    return p.string();
  }
};

}  // namespace blackbox
