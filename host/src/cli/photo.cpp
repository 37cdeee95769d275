// `oneself photo set FILE`: fingerprint the canonical photo (photo.set).
#include <filesystem>

#include "cli/subcommand.h"
#include "compare/image.h"
#include "crypto/sha256.h"

namespace oneself::cli {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

int Run(const Args& args, Env& env) {
  if (args.positional.size() != 2 || args.positional[0] != "set") {
    return Fail(env, Status::BadRequest("usage: oneself photo set FILE"));
  }
  Result<std::string> bytes = ReadFileText(args.positional[1]);
  if (!bytes.ok()) return Fail(env, bytes.status());
  Result<std::vector<uint8_t>> gray = compare::DecodeToGray32(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()));
  if (!gray.ok()) {
    return Fail(env, Status::BadImport(fs::path(args.positional[1]).filename().string() + ": " +
                                       gray.status().message()));
  }
  Result<json> result = RunVerb(env, "photo.set", {{"gray", *gray}, {"sha256", crypto::Sha256Hex(*bytes)}});
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, *result);
  } else {
    env.out << "Photo fingerprint set: " << (*result)["photo"]["phash"].get<std::string>()
            << " (revision " << (*result)["revision"].get<int64_t>() << ")\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kPhoto{"photo", "set the canonical photo (photo set FILE)",
                                  "usage: oneself photo set FILE [--json]\n\n"
                                  "Decodes FILE (JPEG, PNG, WebP, or GIF: its first frame), stores its SHA-256 and its 64-bit perceptual\n"
                                  "hash as the canonical photo. Sites whose photo differs get a warning.\n",
                                  {}, Run};

}  // namespace oneself::cli
