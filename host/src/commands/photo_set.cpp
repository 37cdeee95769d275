// `photo.set`: stores the canonical photo's fingerprint, computed from the
// 32x32 grayscale rendering (`gray`), in profile.photo. Commutative like the
// ignores: it applies to the latest revision, so it needs no baseRevision.
#include <cctype>

#include "commands/command.h"
#include "commands/fields.h"
#include "compare/engine.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

bool IsHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

class PhotoSet final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    if (!request.contains("gray") || request["gray"].is_null()) {
      return Status::BadRequest("field 'gray' is missing: 1024 integers 0..255 (32x32 grayscale)");
    }
    Result<std::string> phash = compare::PerceptualHash(request["gray"]);
    if (!phash.ok()) return phash.status();
    Result<std::optional<std::string>> sha256 = OptionalString(request, "sha256");
    if (!sha256.ok()) return sha256.status();
    json photo = {{"phash", *phash}};
    if (*sha256) {
      if (!IsHex64(**sha256)) return Status::BadRequest("field 'sha256' must be 64 hex digits");
      std::string lower = **sha256;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      photo["sha256"] = lower;
    }
    Result<store::Snapshot> snapshot = ctx.store.Apply(
        [&](json& doc) {
          doc["profile"]["photo"] = photo;
          return Status::Ok();
        },
        ctx.source);
    if (!snapshot.ok()) return snapshot.status();
    return json{{"revision", snapshot->revision}, {"photo", photo}};
  }
};

}  // namespace

std::unique_ptr<Command> MakePhotoSet() { return std::make_unique<PhotoSet>(); }

}  // namespace oneself::commands
