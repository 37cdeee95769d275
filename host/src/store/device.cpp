#include "store/device.h"

#include <random>

#include "crypto/sha256.h"
#include "json/parse.h"
#include "store/journal.h"
#include "store/store_format.h"

namespace oneself::store {

using nlohmann::json;

std::filesystem::path LocalDir(Env* env, const std::filesystem::path& dir) {
  std::string key = crypto::Sha256Hex(env->MachineId() + "\n" + env->CanonicalPath(dir).string());
  return dir / std::string(format::kLocalDir) / key.substr(0, 16);
}

std::filesystem::path DeviceDir(const std::filesystem::path& dir, const std::string& device) {
  return dir / std::string(format::kDevicesDir) / device;
}

std::filesystem::path DeviceJournal(const std::filesystem::path& dir, const std::string& device) {
  return DeviceDir(dir, device) / std::string(format::kJournalFile);
}

namespace {
json MarkJson(const JournalMark& m) {
  return {{"entries", m.entries}, {"end", m.end}, {"last", m.last}};
}
JournalMark MarkFrom(const json& j) {
  return JournalMark{j.at("entries").get<int64_t>(), j.at("end").get<uint64_t>(),
                     j.at("last").get<std::string>()};
}
}  // namespace

Result<std::optional<Identity>> ReadIdentity(Env* env, const std::filesystem::path& dir) {
  const auto path = LocalDir(env, dir) / std::string(format::kIdentityFile);
  auto bytes = env->ReadFile(path);
  if (!bytes.ok()) {
    if (bytes.status().code() == Code::kNotFound) return std::optional<Identity>();
    return bytes.status();
  }
  try {
    json j = jsontext::Parse(*bytes).value_or(json());
    Identity id{j.at("device").get<std::string>(), MarkFrom(j.at("written")),
                MarkFrom(j.at("before"))};
    if (id.device.size() != 16) throw std::runtime_error("device");
    return std::optional<Identity>(std::move(id));
  } catch (const std::exception&) {
    return Status::StoreError(path.string() + " is damaged; it names this machine's device (fix: " +
                              std::string(kNewDeviceCommand) + ")");
  }
}

Status WriteIdentity(Env* env, const std::filesystem::path& dir, const Identity& identity) {
  const auto local = LocalDir(env, dir);
  Status s = CreateDirIn(env, dir, local);
  if (!s.ok()) return s;
  json j = {{"device", identity.device},
            {"written", MarkJson(identity.written)},
            {"before", MarkJson(identity.before)},
            {"store", env->CanonicalPath(dir).string()}};
  return WriteFileAtomically(env, local / std::string(format::kIdentityFile), j.dump(2) + "\n");
}

Status CreateDirIn(Env* env, const std::filesystem::path& dir, const std::filesystem::path& path) {
  Status s = env->CreateDir(dir);
  std::filesystem::path at = dir;
  for (const auto& part : path.lexically_relative(dir)) {
    if (!s.ok()) return s;
    if (part == "." || part.empty()) continue;
    at /= part;
    s = env->CreateDir(at);
  }
  return s;
}

std::string NewDeviceId() {
  std::random_device random;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 16; ++i) id += kHex[random() & 15];
  return id;
}

namespace {

// Does the journal's complete part end at `mark`?
Result<bool> EndsAt(const RandomAccessFile& file, uint64_t completeEnd, const JournalMark& mark) {
  if (completeEnd != mark.end) return false;
  if (mark.end == 0) return mark.last == format::kGenesisHash;
  ReverseLineReader reader(&file, mark.end);
  std::string line;
  uint64_t offset = 0;
  auto got = reader.Prev(&line, &offset);
  if (!got.ok()) return got.status();
  return *got && crypto::Sha256Hex(line) == mark.last;
}

}  // namespace

Status CheckOwnJournal(Env* env, const std::filesystem::path& dir, Identity& identity,
                       bool repair) {
  const auto path = DeviceJournal(dir, identity.device);
  const std::string name = "devices/" + identity.device + "/journal.jsonl";
  auto refuse = [&](const std::string& why) {
    return Status::StoreError(
        "this machine writes as device " + identity.device + ", but " + name + " " + why +
        ": another machine is writing as the same device (a copied or restored folder), or the "
        "file was rolled back to an older copy. Nothing was written; what either machine wrote "
        "is kept. Give this machine a new device: " + std::string(kNewDeviceCommand));
  };
  auto file = env->OpenForRead(path);
  if (!file.ok()) {
    if (file.status().code() != Code::kNotFound) return file.status();
    if (identity.written.entries == 0 || identity.before.entries == 0) return Status::Ok();
    return refuse("is missing (this machine wrote " + std::to_string(identity.written.entries) +
                  " entries to it)");
  }
  auto complete = CompleteEnd(**file);
  if (!complete.ok()) return complete.status();
  const uint64_t size = (*file)->Size();
  auto atWritten = EndsAt(**file, *complete, identity.written);
  if (!atWritten.ok()) return atWritten.status();
  bool ok = *atWritten;
  if (!ok) {
    // The last write's append never completed: that entry was never
    // acknowledged, so going back to the mark before it loses nothing.
    auto atBefore = EndsAt(**file, *complete, identity.before);
    if (!atBefore.ok()) return atBefore.status();
    if (*atBefore) {
      identity.written = identity.before;
      ok = true;
    }
  }
  if (!ok) {
    if (*complete > identity.written.end)
      return refuse("goes on past the " + std::to_string(identity.written.entries) +
                    " entries this machine wrote");
    if (*complete < identity.written.end)
      return refuse("is shorter than the " + std::to_string(identity.written.entries) +
                    " entries this machine wrote");
    return refuse("no longer ends with the entry this machine wrote last");
  }
  // A torn tail after this machine's last complete line is its own append
  // cut short by a crash: never acknowledged, dropped.
  if (repair && size > *complete) return env->Truncate(path, *complete);
  return Status::Ok();
}

Status WriteIgnoreFiles(Env* env, const std::filesystem::path& dir) {
  const std::string local(format::kLocalDir);
  struct File {
    const char* name;
    std::string line;
  };
  for (const File& f : {File{".stignore", "/" + local}, File{".gitignore", "/" + local + "/"}}) {
    const auto path = dir / f.name;
    auto text = env->ReadFile(path);
    std::string body = text.ok() ? *text : std::string();
    if (!text.ok() && text.status().code() != Code::kNotFound) return text.status();
    if (body.find(f.line + "\n") != std::string::npos) continue;
    if (!body.empty() && body.back() != '\n') body += '\n';
    body += "# this machine's own files (identity, lock, cache): never synced\n" + f.line + "\n";
    body += "*.tmp\n";
    Status s = WriteFileAtomically(env, path, body);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace oneself::store
