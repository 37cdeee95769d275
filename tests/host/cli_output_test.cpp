// The command line's stdout and stderr (cli/output.h): what is written
// arrives whole and in order, buffered or not, integers as decimal text, and
// a descriptor that refuses the bytes makes the output fail rather than lose
// them silently.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/output.h"

using oneself::cli::Output;

namespace {

struct Pipe {
  int read = -1, write = -1;
  Pipe() {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    read = fds[0];
    write = fds[1];
    // Large enough for every test here: no reader thread needed.
    ::fcntl(write, F_SETPIPE_SZ, 1 << 20);
  }
  ~Pipe() {
    if (read >= 0) ::close(read);
    if (write >= 0) ::close(write);
  }
  std::string Available() {
    ::fcntl(read, F_SETFL, O_NONBLOCK);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(read, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
  }
};

}  // namespace

TEST_CASE("cli output: buffered output arrives whole, in order, when flushed", "[cli]") {
  Pipe p;
  const std::string big(100000, 'x');
  {
    Output out(p.write, /*unbuffered=*/false);
    out << "revision " << 42 << '\n' << int64_t{-7} << ' ' << size_t{18446744073709551615ULL};
    CHECK(p.Available().empty());  // still buffered
    out << big << "\nend\n";       // larger than the buffer: written through
    out << std::string("tail");
    CHECK(out.ok());
  }  // destruction flushes
  CHECK(p.Available() == "revision 42\n-7 18446744073709551615" + big + "\nend\ntail");
}

TEST_CASE("cli output: unbuffered output is written at each operation", "[cli]") {
  Pipe p;
  Output err(p.write, /*unbuffered=*/true);
  err << "oneself: no profile yet" << " (not_found)\n";
  CHECK(p.Available() == "oneself: no profile yet (not_found)\n");
  err << 'c';
  CHECK(p.Available() == "c");
}

TEST_CASE("cli output: a descriptor that refuses the bytes fails the stream", "[cli]") {
  Pipe p;
  Output out(p.write, /*unbuffered=*/false);
  ::close(p.read);
  p.read = -1;
  // Writing to a pipe with no reader raises SIGPIPE unless ignored; the CLI
  // keeps the default, the test ignores it to see the failure as a value.
  auto* previous = ::signal(SIGPIPE, SIG_IGN);
  out << "lost";
  CHECK(out.ok());  // buffered: nothing has been refused yet
  CHECK_FALSE(out.Flush());
  CHECK_FALSE(out.ok());
  ::signal(SIGPIPE, previous);
}

TEST_CASE("cli output: in memory, for running subcommands in tests", "[cli]") {
  Output out;
  out << "r" << 12 << ' ' << std::string(20000, 'y');
  CHECK(out.Flush());
  CHECK(out.str() == "r12 " + std::string(20000, 'y'));
}
