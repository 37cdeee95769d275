#include "store/journal.h"

#include <array>

#include "json/parse.h"
#include "store/store_format.h"

namespace oneself::store {
namespace {

using nlohmann::json;

// Backwards reads take a few lines at a time; forward reads (binary search
// probes) usually need less than one line, so they read in small steps.
constexpr size_t kChunk = 16 * 1024;
constexpr size_t kProbeChunk = 1024;

// The offset just after the first newline at or after `pos`, or `end`.
Result<uint64_t> NextLineStart(const RandomAccessFile& file, uint64_t pos, uint64_t end) {
  std::string chunk;
  while (pos < end) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kProbeChunk, end - pos));
    Status s = file.Read(pos, n, &chunk);
    if (!s.ok()) return s;
    if (chunk.empty()) break;
    auto nl = chunk.find('\n');
    if (nl != std::string::npos) return pos + nl + 1;
    pos += chunk.size();
  }
  return end;
}

// The line starting at `pos` (without newline), bounded by `end`.
Result<std::string> LineAt(const RandomAccessFile& file, uint64_t pos, uint64_t end) {
  std::string line, chunk;
  while (pos < end) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kProbeChunk, end - pos));
    Status s = file.Read(pos, n, &chunk);
    if (!s.ok()) return s;
    if (chunk.empty()) break;
    auto nl = chunk.find('\n');
    line.append(chunk, 0, nl == std::string::npos ? chunk.size() : nl);
    if (nl != std::string::npos) break;
    if (line.size() > format::kMaxJournalLineBytes)
      return Status::StoreError("journal line too long");
    pos += chunk.size();
  }
  return line;
}

}  // namespace

Result<std::string> EncodeJournalLine(const JournalLine& line) {
  json j = {{"revision", line.revision}, {"time", line.time},     {"source", line.source},
            {"changes", line.changes},   {"prev", line.prev}};
  if (line.revertedTo) j["revertedTo"] = *line.revertedTo;
  try {
    return j.dump();
  } catch (const json::exception&) {
    return Status::BadRequest("a value is not valid UTF-8");
  }
}

Result<JournalLine> DecodeJournalLine(std::string_view bytes) {
  json j = jsontext::Parse(bytes).value_or(json(json::value_t::discarded));
  if (j.is_discarded() || !j.is_object())
    return Status::StoreError("journal line is not JSON");
  JournalLine line;
  auto rev = j.find("revision");
  auto time = j.find("time");
  auto source = j.find("source");
  auto changes = j.find("changes");
  auto prev = j.find("prev");
  if (rev == j.end() || !rev->is_number_integer() || time == j.end() || !time->is_string() ||
      source == j.end() || !source->is_string() || changes == j.end() ||
      !changes->is_object() || prev == j.end() || !prev->is_string())
    return Status::StoreError("journal line lacks revision, time, source, changes or prev");
  line.revision = rev->get<int64_t>();
  line.time = time->get<std::string>();
  line.source = source->get<std::string>();
  line.changes = *changes;
  line.prev = prev->get<std::string>();
  auto reverted = j.find("revertedTo");
  if (reverted != j.end()) {
    if (!reverted->is_number_integer()) return Status::StoreError("journal revertedTo not a number");
    line.revertedTo = reverted->get<int64_t>();
  }
  return line;
}

Result<bool> ReverseLineReader::Prev(std::string* line, uint64_t* offset) {
  // buf_ ends with the newline of the line we want (or is empty); the line
  // starts after the newline before that one, or at offset 0.
  for (;;) {
    if (!buf_.empty()) {
      size_t nl = buf_.size() >= 2 ? buf_.rfind('\n', buf_.size() - 2) : std::string::npos;
      if (nl != std::string::npos || start_ == 0) {
        size_t from = nl == std::string::npos ? 0 : nl + 1;
        *offset = start_ + from;
        line->assign(buf_, from, buf_.size() - from - 1);
        buf_.resize(from);
        return true;
      }
      if (buf_.size() > format::kMaxJournalLineBytes)
        return Status::StoreError("journal line too long");
    } else if (start_ == 0) {
      return false;
    }
    size_t n = static_cast<size_t>(std::min<uint64_t>(kChunk, start_));
    std::string chunk;
    Status s = file_->Read(start_ - n, n, &chunk);
    if (!s.ok()) return s;
    if (chunk.size() != n) return Status::StoreError("journal shrank while being read");
    start_ -= n;
    buf_.insert(0, chunk);
  }
}

Result<uint64_t> CompleteEnd(const RandomAccessFile& file) {
  uint64_t end = file.Size();
  std::string chunk;
  while (end > 0) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kProbeChunk * 4, end));
    Status s = file.Read(end - n, n, &chunk);
    if (!s.ok()) return s;
    if (chunk.size() != n) return Status::StoreError("journal shrank while being read");
    auto nl = chunk.rfind('\n');
    if (nl != std::string::npos) return end - n + nl + 1;
    end -= n;
    if (file.Size() - end > format::kMaxJournalLineBytes)
      return Status::StoreError("journal ends in an overlong partial line");
  }
  return uint64_t{0};
}

Result<std::optional<uint64_t>> FindRevision(const RandomAccessFile& file, uint64_t end,
                                             int64_t revision) {
  // Invariant: if the line exists, it starts in [lo, hi).
  uint64_t lo = 0, hi = end;
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    uint64_t start = mid;
    if (mid > 0) {
      auto next = NextLineStart(file, mid - 1, end);
      if (!next.ok()) return next.status();
      start = *next;
    }
    if (start >= hi) {
      hi = mid;
      continue;
    }
    auto bytes = LineAt(file, start, end);
    if (!bytes.ok()) return bytes.status();
    auto line = DecodeJournalLine(*bytes);
    if (!line.ok()) return line.status();
    if (line->revision == revision) return std::optional<uint64_t>(start);
    if (line->revision < revision) lo = start + bytes->size() + 1;
    else hi = mid;
  }
  return std::optional<uint64_t>();
}

}  // namespace oneself::store
