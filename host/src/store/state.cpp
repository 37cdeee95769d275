#include "store/state.h"

#include <ctime>

#include "crypto/sha256.h"
#include "json/parse.h"
#include "store/document.h"
#include "store/journal.h"
#include "store/previous.h"

namespace oneself::store {

using nlohmann::json;

std::filesystem::path PathIn(const std::filesystem::path& dir, std::string_view name) {
  return dir / std::string(name);
}

Result<Head> ReadProfileFile(Env* env, const std::filesystem::path& dir) {
  auto path = PathIn(dir, format::kProfileFile);
  auto bytes = env->ReadFile(path);
  Head head;
  if (!bytes.ok()) {
    if (bytes.status().code() != Code::kNotFound) return bytes.status();
    head.doc = EmptyDocument();
    return head;
  }
  json j = jsontext::Parse(*bytes).value_or(json(json::value_t::discarded));
  auto isInt = [&](const char* key) { return j.contains(key) && j[key].is_number_integer(); };
  if (j.is_discarded() || !j.is_object() || !isInt("format") ||
      j["format"].get<int64_t>() != format::kProfileFormat || !isInt("revision") ||
      (j.contains("updated") && !j["updated"].is_string()) ||
      !j.contains("revision") || !j["revision"].is_number_integer() || !j.contains("doc") ||
      !j["doc"].is_object() || !j.contains("journal") || !j["journal"].is_string())
    return Status::StoreError(path.string() + " is not a oneself profile");
  head.exists = true;
  head.revision = j["revision"].get<int64_t>();
  head.updated = j.contains("updated") ? j["updated"].get<std::string>() : std::string();
  head.journalHash = j["journal"].get<std::string>();
  head.doc = std::move(j["doc"]);
  for (const char* part : {"profile", "sites", "previous"})
    if (!head.doc.contains(part) || !head.doc[part].is_object()) head.doc[part] = json::object();
  return head;
}

std::string EncodeProfileFile(const Head& head) {
  json j = {{"format", format::kProfileFormat},
            {"revision", head.revision},
            {"updated", head.updated},
            {"journal", head.journalHash},
            {"doc", head.doc}};
  // Values were checked as UTF-8 when the journal line was encoded.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<Current> ReadCurrent(Env* env, const std::filesystem::path& dir) {
  Current cur;
  auto head = ReadProfileFile(env, dir);
  if (!head.ok()) return head.status();
  cur.head = std::move(*head);

  auto file = env->OpenForRead(PathIn(dir, format::kJournalFile));
  if (!file.ok()) {
    if (file.status().code() != Code::kNotFound) return file.status();
    if (cur.head.revision != 0)
      return Status::StoreError("the journal is missing; profile.json is at revision " +
                                std::to_string(cur.head.revision));
    return cur;
  }
  cur.journalSize = (*file)->Size();
  auto end = CompleteEnd(**file);
  if (!end.ok()) return end.status();
  cur.journalEnd = *end;

  ReverseLineReader reader(file->get(), cur.journalEnd);
  std::string bytes;
  uint64_t offset = 0;
  auto got = reader.Prev(&bytes, &offset);
  if (!got.ok()) return got.status();
  if (!*got) {
    if (cur.head.revision != 0)
      return Status::StoreError("the journal is empty; profile.json is at revision " +
                                std::to_string(cur.head.revision));
    return cur;
  }
  auto last = DecodeJournalLine(bytes);
  if (!last.ok()) return last.status();
  std::string hash = crypto::Sha256Hex(bytes);

  if (last->revision == cur.head.revision) {
    if (hash != cur.head.journalHash)
      return Status::StoreError("profile.json does not match the journal's last entry");
    return cur;
  }
  if (last->revision == cur.head.revision + 1 && last->prev == cur.head.journalHash) {
    json before = cur.head.doc;
    Status s = ApplyChanges(cur.head.doc, last->changes, /*forward=*/true);
    if (!s.ok()) return s;
    UpdatePrevious(cur.head.doc["previous"], before["profile"], cur.head.doc["profile"],
                   last->time);
    cur.head.revision = last->revision;
    cur.head.updated = last->time;
    cur.head.journalHash = hash;
    cur.rolledForward = true;
    return cur;
  }
  return Status::StoreError("profile.json (revision " + std::to_string(cur.head.revision) +
                            ") does not match the journal (revision " +
                            std::to_string(last->revision) + "); run `oneself verify`");
}

std::string FormatTime(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t ParseTime(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return -1;
  return static_cast<int64_t>(timegm(&tm));
}

}  // namespace oneself::store
