// The store's write path and reads: every change goes through Commit(), which
// holds the lock, checks the revision, appends the journal line (write-ahead)
// and then replaces profile.json atomically.
#include "store/store.h"

#include <atomic>
#include <cstdlib>
#include <memory>

#include "crypto/sha256.h"
#include "store/document.h"
#include "store/env.h"
#include "store/journal.h"
#include "store/previous.h"
#include "store/state.h"
#include "store/store_format.h"

namespace oneself::store {
namespace {

using nlohmann::json;

// Given the current state, the next document's "profile" and "sites".
using MakeNext = std::function<Result<json>(const Head& current)>;

Snapshot ToSnapshot(const Head& head) { return Snapshot{head.revision, head.updated, head.doc}; }

// The snapshot LoadShared hands out, taking the head's document. Its
// identity is process-wide, so that two stores never hand out the same.
std::shared_ptr<const Snapshot> ShareSnapshot(Head&& head) {
  static std::atomic<uint64_t> lastIdentity{0};
  return std::make_shared<const Snapshot>(
      Snapshot{head.revision, std::move(head.updated), std::move(head.doc), ++lastIdentity});
}

Result<Snapshot> Commit(Env* env, const std::filesystem::path& dir, const MakeNext& makeNext,
                        Source source, std::optional<int64_t> revertedTo) {
  Status s = env->CreateDir(dir);
  if (!s.ok()) return s;
  auto lock = env->LockFile(PathIn(dir, format::kLockFile));
  if (!lock.ok()) return lock.status();

  auto cur = ReadCurrent(env, dir);
  if (!cur.ok()) return cur.status();
  const auto journalPath = PathIn(dir, format::kJournalFile);
  const auto profilePath = PathIn(dir, format::kProfileFile);
  // A partial last line is a journal append that never completed (its fsync
  // never returned, so no one was told it succeeded): drop it.
  if (cur->journalSize > cur->journalEnd) {
    s = env->Truncate(journalPath, cur->journalEnd);
    if (!s.ok()) return s;
  }
  // The journal is one ahead: finish the interrupted write first.
  if (cur->rolledForward) {
    s = WriteFileAtomically(env, profilePath, EncodeProfileFile(cur->head));
    if (!s.ok()) return s;
  }

  auto next = makeNext(cur->head);
  if (!next.ok()) return next.status();
  json doc = std::move(*next);
  doc["previous"] = cur->head.doc["previous"];
  s = ValidateDocument(doc);
  if (!s.ok()) return s;
  DropEmptyObjects(doc, "profile");
  DropEmptyObjects(doc, "sites");
  json changes = DiffDocuments(cur->head.doc, doc);
  if (changes.empty()) return ToSnapshot(cur->head);  // nothing changed: no revision

  JournalLine line;
  line.revision = cur->head.revision + 1;
  line.time = FormatTime(env->Now());
  line.source = std::string(SourceName(source));
  line.changes = std::move(changes);
  line.revertedTo = revertedTo;
  line.prev = cur->head.journalHash;
  UpdatePrevious(doc["previous"], cur->head.doc["profile"], doc["profile"], line.time);

  auto bytes = EncodeJournalLine(line);
  if (!bytes.ok()) return bytes.status();
  Head head{true, line.revision, line.time, crypto::Sha256Hex(*bytes), std::move(doc)};
  std::string profileBytes = EncodeProfileFile(head);
  if (profileBytes.size() > format::kMaxDocumentBytes)
    return Status::BadRequest("the profile would be too large");

  // Write-ahead: once the journal line is durable the revision exists (a
  // reader rolls profile.json forward to it), so it goes first.
  s = env->AppendSync(journalPath, *bytes + "\n");
  if (s.ok()) s = WriteFileAtomically(env, profilePath, profileBytes);
  if (!s.ok()) return s;
  return ToSnapshot(head);
}

Status CheckBase(const Head& current, int64_t baseRevision) {
  if (current.revision == baseRevision) return Status::Ok();
  return Status::Conflict("the profile changed: it is at revision " +
                          std::to_string(current.revision) + ", this change was made against " +
                          std::to_string(baseRevision) + "; reload and try again");
}

// The profile and sites at `target`, walking back from `current` through the
// journal's from-values.
Result<json> DocumentAt(Env* env, const std::filesystem::path& dir, const Head& current,
                        int64_t target) {
  json doc = current.doc;
  if (target == current.revision) return doc;
  auto file = env->OpenForRead(PathIn(dir, format::kJournalFile));
  if (!file.ok()) return file.status();
  auto end = CompleteEnd(**file);
  if (!end.ok()) return end.status();
  ReverseLineReader reader(file->get(), *end);
  int64_t expected = current.revision;
  std::string bytes;
  uint64_t offset = 0;
  while (expected > target) {
    auto got = reader.Prev(&bytes, &offset);
    if (!got.ok()) return got.status();
    if (!*got) return Status::StoreError("the journal ends before revision " + std::to_string(target));
    auto line = DecodeJournalLine(bytes);
    if (!line.ok()) return line.status();
    if (line->revision != expected)
      return Status::StoreError("the journal skips from revision " + std::to_string(expected) +
                                " to " + std::to_string(line->revision));
    Status s = ApplyChanges(doc, line->changes, /*forward=*/false);
    if (!s.ok()) return s;
    --expected;
  }
  return doc;
}

JournalEntry ToEntry(JournalLine&& line) {
  JournalEntry e;
  e.revision = line.revision;
  e.time = std::move(line.time);
  e.source = std::move(line.source);
  e.changes = std::move(line.changes);
  e.revertedTo = line.revertedTo;
  return e;
}

}  // namespace

std::string_view SourceName(Source source) {
  switch (source) {
    case Source::kCli: return "cli";
    case Source::kExtension: return "extension";
    case Source::kImport: return "import";
  }
  return "cli";
}

Store::Store(std::filesystem::path dir) : Store(std::move(dir), Env::Default()) {}
Store::Store(std::filesystem::path dir, Env* env) : dir_(std::move(dir)), env_(env) {}

bool Store::Exists() const { return env_->FileExists(PathIn(dir_, format::kProfileFile)); }

Status Store::Init() {
  Invalidate();  // the next Load reads what this wrote (or did not)
  return NoThrow<Status>([&]() -> Status {
    Status s = env_->CreateDir(dir_);
    if (!s.ok()) return s;
    auto lock = env_->LockFile(PathIn(dir_, format::kLockFile));
    if (!lock.ok()) return lock.status();
    if (Exists()) return Status::Ok();
    const auto journalPath = PathIn(dir_, format::kJournalFile);
    auto journal = env_->ReadFile(journalPath);
    if (journal.ok() && !journal->empty())
      return Status::StoreError("profile.json is missing but the journal has history; run `oneself verify`");
    s = env_->AppendSync(journalPath, "");  // creates it, 0600
    Head head;
    head.exists = true;
    head.doc = EmptyDocument();
    if (s.ok()) s = WriteFileAtomically(env_, PathIn(dir_, format::kProfileFile), EncodeProfileFile(head));
    return s;
  });
}

std::optional<std::pair<FileStamp, FileStamp>> Store::LoadStamps() const {
  auto profile = env_->Stat(PathIn(dir_, format::kProfileFile));
  if (!profile.ok()) return std::nullopt;
  auto journal = env_->Stat(PathIn(dir_, format::kJournalFile));
  if (!journal.ok()) return std::nullopt;
  return std::make_pair(*profile, *journal);
}

Result<Snapshot> Store::Load() const {
  auto shared = LoadShared();
  if (!shared.ok()) return shared.status();
  Snapshot copy(**shared);
  copy.identity = 0;  // the caller may change it
  return copy;
}

Result<std::shared_ptr<const Snapshot>> Store::LoadShared() const {
  using Shared = std::shared_ptr<const Snapshot>;
  return NoThrow<Result<Shared>>([&]() -> Result<Shared> {
    // Stamped before reading: a change racing the read shows as a new stamp
    // next time, so the worst case is one needless reload, never a stale hit.
    auto stamps = LoadStamps();
    if (stamps && loaded_ && loaded_->profile == stamps->first &&
        loaded_->journal == stamps->second)
      return loaded_->snapshot;
    Invalidate();
    auto cur = ReadCurrent(env_, dir_);
    if (cur.ok()) {
      auto snap = ShareSnapshot(std::move(cur->head));
      if (stamps) loaded_ = LoadCache{stamps->first, stamps->second, snap};
      return snap;
    }
    // profile.json is always whole (atomic replace); when the journal does not
    // agree with it, reads still work and `oneself verify` says what is wrong.
    auto head = ReadProfileFile(env_, dir_);
    if (!head.ok()) return head.status();
    return ShareSnapshot(std::move(*head));
  });
}

Result<Snapshot> Store::Update(int64_t baseRevision, const json& patch, Source source) {
  Invalidate();  // the next Load reads what this wrote (or did not)
  return NoThrow<Result<Snapshot>>([&]() -> Result<Snapshot> {
    return Commit(
        env_, dir_,
        [&](const Head& current) -> Result<json> {
          Status s = CheckBase(current, baseRevision);
          if (!s.ok()) return s;
          json doc = current.doc;
          s = ApplyUpdatePatch(doc, patch);
          if (!s.ok()) return s;
          return doc;
        },
        source, std::nullopt);
  });
}

Result<Snapshot> Store::Apply(const std::function<Status(json& doc)>& mutate, Source source) {
  Invalidate();  // the next Load reads what this wrote (or did not)
  return NoThrow<Result<Snapshot>>([&]() -> Result<Snapshot> {
    return Commit(
        env_, dir_,
        [&](const Head& current) -> Result<json> {
          json doc = current.doc;
          Status s = mutate(doc);
          if (!s.ok()) return s;
          if (!doc.is_object()) return Status::BadRequest("the document must be an object");
          return doc;
        },
        source, std::nullopt);
  });
}

Result<Snapshot> Store::Revert(int64_t revision, int64_t baseRevision, Source source) {
  Invalidate();  // the next Load reads what this wrote (or did not)
  return NoThrow<Result<Snapshot>>([&]() -> Result<Snapshot> {
    return Commit(
        env_, dir_,
        [&](const Head& current) -> Result<json> {
          Status s = CheckBase(current, baseRevision);
          if (!s.ok()) return s;
          if (revision < 0 || revision > current.revision)
            return Status::NotFound("no revision " + std::to_string(revision) + " (the latest is " +
                                    std::to_string(current.revision) + ")");
          return DocumentAt(env_, dir_, current, revision);
        },
        source, revision);
  });
}

Result<std::vector<JournalEntry>> Store::History(int64_t before, size_t limit) const {
  return NoThrow<Result<std::vector<JournalEntry>>>([&]() -> Result<std::vector<JournalEntry>> {
    std::vector<JournalEntry> out;
    auto file = env_->OpenForRead(PathIn(dir_, format::kJournalFile));
    if (!file.ok()) {
      if (file.status().code() == Code::kNotFound) return out;
      return file.status();
    }
    auto end = CompleteEnd(**file);
    if (!end.ok()) return end.status();
    uint64_t from = *end;
    if (before > 0) {
      auto at = FindRevision(**file, *end, before);
      if (!at.ok()) return at.status();
      if (*at) {
        from = **at;
      } else {
        // Absent: either newer than the newest (page from the end) or older
        // than the oldest (nothing before it).
        ReverseLineReader tail(file->get(), *end);
        std::string bytes;
        uint64_t offset = 0;
        auto got = tail.Prev(&bytes, &offset);
        if (!got.ok()) return got.status();
        if (!*got) return out;
        auto last = DecodeJournalLine(bytes);
        if (!last.ok()) return last.status();
        if (before <= last->revision) {
          if (before <= 1) return out;
          return Status::StoreError("revision " + std::to_string(before) +
                                    " is missing from the journal; run `oneself verify`");
        }
      }
    }
    ReverseLineReader reader(file->get(), from);
    std::string bytes;
    uint64_t offset = 0;
    while (out.size() < limit) {
      auto got = reader.Prev(&bytes, &offset);
      if (!got.ok()) return got.status();
      if (!*got) break;
      auto line = DecodeJournalLine(bytes);
      if (!line.ok()) return line.status();
      out.push_back(ToEntry(std::move(*line)));
    }
    return out;
  });
}

}  // namespace oneself::store
