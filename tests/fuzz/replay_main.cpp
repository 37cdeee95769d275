// A main for the fuzz targets outside libFuzzer: replays every file of the
// seed corpus, then every crash reproducer, through LLVMFuzzerTestOneInput.
// tests/fuzz.cmake builds each target with it in the ordinary test build, so
// the seed corpora and every crash reproducer in tests/fuzz/regressions/ run
// on every CI run, with any compiler and under the asan preset.
//
//   replay_<target> SEED_DIR [REGRESSION_DIR]
//
// The seed corpus must exist and hold at least one input: a renamed or
// emptied folder would otherwise make the test pass on nothing. The
// regression folder exists only once the target has crashed on something.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

std::vector<std::filesystem::path> FilesUnder(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  return files;
}

void Replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s SEED_DIR [REGRESSION_DIR]\n", argv[0]);
    return 2;
  }
  const std::filesystem::path seeds = argv[1];
  const std::filesystem::path reproducers = argc == 3 ? argv[2] : "";
  if (!std::filesystem::is_directory(seeds)) {
    std::fprintf(stderr, "no seed corpus at %s\n", seeds.c_str());
    return 1;
  }
  std::vector<std::filesystem::path> files = FilesUnder(seeds);
  if (files.empty()) {
    std::fprintf(stderr, "the seed corpus %s holds no input\n", seeds.c_str());
    return 1;
  }
  size_t regressions = 0;
  if (!reproducers.empty() && std::filesystem::is_directory(reproducers)) {
    std::vector<std::filesystem::path> more = FilesUnder(reproducers);
    regressions = more.size();
    files.insert(files.end(), more.begin(), more.end());
  }

  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  for (const auto& f : files) Replay(f);
  std::printf("replayed %zu seeds and %zu crash reproducers\n", files.size() - regressions, regressions);
  return 0;
}
