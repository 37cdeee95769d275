#include "store/state.h"

#include <chrono>
#include <cstdio>

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

// Calendar arithmetic only. gmtime_r, strptime and timegm each make glibc
// load the local time zone (/etc/localtime) first, six system calls and a
// file parse in every host process that records a view, for times that are
// UTC by definition.
std::string FormatTime(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto secs = floor<seconds>(t);
  const auto day = floor<days>(secs);
  const year_month_day date{day};
  const hh_mm_ss clock{secs - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return buf;
}

int64_t ParseTime(std::string_view text) {
  using namespace std::chrono;
  // "YYYY-MM-DDTHH:MM:SSZ", as FormatTime writes it.
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return -1;
  for (size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return -1;
  }
  auto number = [&](size_t at, size_t width) {
    int n = 0;
    for (size_t i = at; i < at + width; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  const year_month_day date{year{number(0, 4)}, month{static_cast<unsigned>(number(5, 2))},
                            day{static_cast<unsigned>(number(8, 2))}};
  const int h = number(11, 2), m = number(14, 2), s = number(17, 2);
  // 60 is a leap second, which strptime accepted: it counts as the next minute's first.
  if (!date.ok() || h > 23 || m > 59 || s > 60) return -1;
  const auto at = sys_days{date} + hours{h} + minutes{m} + seconds{s};
  return at.time_since_epoch().count();
}

}  // namespace oneself::store
