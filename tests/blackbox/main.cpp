// The one translation unit that gives the black-box tests their main().
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <csignal>

int main(int argc, char* argv[]) {
  // A host that has already exited (an argv the CLI refuses exits at once)
  // closes its end of the pipe: writing to it must fail with EPIPE, which the
  // tests expect and check, rather than kill the test run with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  return Catch::Session().run(argc, argv);
}
