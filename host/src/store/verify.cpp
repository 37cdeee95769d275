// Store::Verify: the one place that reads the whole journal. It walks the hash
// chain forward, replays every change, and compares the result with
// profile.json; it also checks the file modes.
#include <cerrno>
#include <cstring>
#include <system_error>

#include "crypto/sha256.h"
#include "store/document.h"
#include "store/env.h"
#include "store/journal.h"
#include "store/previous.h"
#include "store/state.h"
#include "store/store_access.h"
#include "store/store.h"

namespace oneself::store {
namespace {

using nlohmann::json;

constexpr size_t kMaxProblems = 50;
constexpr size_t kChunk = 64 * 1024;

class Problems {
 public:
  explicit Problems(std::vector<std::string>* out) : out_(out) {}
  void Add(std::string p) {
    if (out_->size() < kMaxProblems) out_->push_back(std::move(p));
  }

 private:
  std::vector<std::string>* out_;
};

}  // namespace

Result<VerifyReport> Store::Verify() const {
  return NoThrow<Result<VerifyReport>>([&]() -> Result<VerifyReport> {
    VerifyReport report;
    Problems problems(&report.problems);
    if (!env_->FileExists(dir_)) {
      problems.Add("there is no store at " + dir_.string() + " (fix: oneself init)");
      return report;
    }
    CheckAccess(dir_, [&](std::string p) { problems.Add(std::move(p)); });
    // Hold the writers' lock so that profile.json and the journal are read
    // as one state; on a read-only store, verify without it.
    auto lock = env_->LockFile(PathIn(dir_, format::kLockFile));

    auto headResult = ReadProfileFile(env_, dir_);
    Head head;
    if (headResult.ok()) head = std::move(*headResult);
    else problems.Add(headResult.status().message());
    if (headResult.ok() && !head.exists) problems.Add("profile.json is missing");
    report.revision = head.revision;

    auto file = env_->OpenForRead(PathIn(dir_, format::kJournalFile));
    if (!file.ok()) {
      if (file.status().code() != Code::kNotFound) return file.status();
      if (head.revision != 0) problems.Add("the journal is missing");
      return report;
    }

    // Walk forward line by line, replaying every change from the empty store.
    json replay = EmptyDocument();
    std::string prevHash(format::kGenesisHash);
    std::string lastPrev;  // the "prev" of the last line
    int64_t lastRevision = 0;
    int64_t lineNo = 0;
    bool replayOk = true;
    std::string pending, chunk;
    uint64_t pos = 0, size = (*file)->Size();
    auto handleLine = [&](std::string_view bytes) {
      ++lineNo;
      std::string hash = crypto::Sha256Hex(bytes);
      auto line = DecodeJournalLine(bytes);
      std::string where = "journal line " + std::to_string(lineNo);
      if (!line.ok()) {
        problems.Add(where + " is not a journal entry (altered)");
        replayOk = false;
        prevHash = hash;
        ++lastRevision;
        return;
      }
      where += " (revision " + std::to_string(line->revision) + ")";
      if (line->prev != prevHash)
        problems.Add(where + ": the hash chain is broken: the line before it was altered or removed");
      if (line->revision == lastRevision) {
        problems.Add(where + ": revision " + std::to_string(line->revision) + " appears twice");
      } else if (line->revision > lastRevision + 1) {
        problems.Add(where + ": revisions " + std::to_string(lastRevision + 1) + " to " +
                     std::to_string(line->revision - 1) + " are missing");
      } else if (line->revision < lastRevision) {
        problems.Add(where + ": out of order after revision " + std::to_string(lastRevision));
      }
      json before = replay["profile"];
      if (!ApplyChanges(replay, line->changes, true).ok()) {
        problems.Add(where + ": its changes are malformed");
        replayOk = false;
      }
      UpdatePrevious(replay["previous"], before, replay["profile"], line->time);
      lastRevision = line->revision;
      lastPrev = line->prev;
      prevHash = hash;
      ++report.entries;
    };
    while (pos < size) {
      Status s = (*file)->Read(pos, static_cast<size_t>(std::min<uint64_t>(kChunk, size - pos)), &chunk);
      if (!s.ok()) return s;
      if (chunk.empty()) break;
      pos += chunk.size();
      size_t start = 0;
      for (size_t nl; (nl = chunk.find('\n', start)) != std::string::npos; start = nl + 1) {
        if (pending.empty()) {
          handleLine(std::string_view(chunk).substr(start, nl - start));
        } else {
          pending.append(chunk, start, nl - start);
          handleLine(pending);
          pending.clear();
        }
      }
      pending.append(chunk, start, std::string::npos);
      if (pending.size() > format::kMaxJournalLineBytes) {
        problems.Add("the journal has a line longer than " +
                     std::to_string(format::kMaxJournalLineBytes) + " bytes");
        return report;
      }
    }

    bool headMatchesTail = head.revision == lastRevision && head.journalHash == prevHash;
    // A journal append cut short by a crash is repaired by the next write;
    // it is only a problem if profile.json was already past it.
    if (!pending.empty() && !headMatchesTail)
      problems.Add("the journal ends in a partial line: it was truncated");

    if (head.revision == lastRevision) {
      if (head.journalHash != prevHash)
        problems.Add("profile.json does not match the journal's last entry");
      else if (replayOk && (replay["profile"] != head.doc["profile"] ||
                            replay["sites"] != head.doc["sites"] ||
                            replay["previous"] != head.doc["previous"]))
        problems.Add("profile.json's document differs from the one the journal describes");
    } else if (lastRevision == head.revision + 1 && lastPrev == head.journalHash) {
      // Write-ahead state after a crash: the next load or write rolls forward.
      report.revision = lastRevision;
    } else if (head.revision > lastRevision) {
      problems.Add("the journal is truncated: profile.json is at revision " +
                   std::to_string(head.revision) + " but the journal ends at revision " +
                   std::to_string(lastRevision));
    } else {
      problems.Add("profile.json is at revision " + std::to_string(head.revision) +
                   " but the journal goes on to revision " + std::to_string(lastRevision));
    }
    return report;
  });
}

}  // namespace oneself::store
