// The journal (journal.jsonl): one JSON object per line, append-only,
// hash-chained. A line:
//   {"changes":{...},"prev":"<sha256 hex of the previous line>","revision":N,
//    "revertedTo":M?,"source":"cli","time":"2026-11-25T10:00:00Z"}
// "prev" hashes the previous line's bytes without its newline; the first
// line's prev is format::kGenesisHash. Lines are read from the end so that
// start-up and paging cost do not grow with the length of the history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "oneself/status.h"
#include "store/env.h"

namespace oneself::store {

struct JournalLine {
  int64_t revision = 0;
  std::string time;
  std::string source;
  nlohmann::json changes = nlohmann::json::object();
  std::optional<int64_t> revertedTo;
  std::string prev;
};


// The line's bytes, without a newline. kBadRequest if a value is not UTF-8.
Result<std::string> EncodeJournalLine(const JournalLine& line);
// kStoreError if the bytes are not a journal line.
Result<JournalLine> DecodeJournalLine(std::string_view bytes);

// Reads the lines of a region of the journal backwards, newest first.
// "*file" must outlive the reader.
class ReverseLineReader {
 public:
  // `end` must be a line boundary (0, or just after a newline).
  ReverseLineReader(const RandomAccessFile* file, uint64_t end) : file_(file), start_(end) {}
  // The line before the current position (without its newline) and its
  // offset; false when the start of the file is reached.
  Result<bool> Prev(std::string* line, uint64_t* offset);

 private:
  const RandomAccessFile* file_;
  uint64_t start_;   // file offset of buf_[0]
  std::string buf_;  // the bytes from start_ to the current position
};

// The end of the journal's last complete line: the file size, or less when a
// crash left a partial last line (no newline). Reads only the tail.
Result<uint64_t> CompleteEnd(const RandomAccessFile& file);

// The offset where the line of `revision` starts, found by binary search over
// byte offsets (revisions increase along the file); nullopt if absent.
Result<std::optional<uint64_t>> FindRevision(const RandomAccessFile& file, uint64_t end,
                                             int64_t revision);

}  // namespace oneself::store
