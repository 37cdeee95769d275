#include "compare/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include <utf8proc.h>

namespace oneself::compare::text {
namespace {

// What a code point does in folding.
enum class Kind { kKeep, kDrop, kSpace, kAnd };

Kind KindOf(int32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return Kind::kKeep;
    }
    if (c == '\'' || c == '.' || c == '-') return Kind::kDrop;
    if (c == '&') return Kind::kAnd;
    return Kind::kSpace;
  }
  switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC:  // typographic apostrophes
    case 0x2010: case 0x2011: case 0x00AD:  // hyphens, soft hyphen
    case 0x200B: case 0x200C: case 0x200D: case 0xFE0F: case 0xFE0E:
      return Kind::kDrop;
    case 0xFF06:
      return Kind::kAnd;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return Kind::kKeep;
    case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CC:
      return Kind::kDrop;
    default:
      return Kind::kSpace;
  }
}

// Writes the folded output. The hot path (ASCII) is one table lookup per
// byte and a store into a buffer sized up front; only non-ASCII runs go
// through utf8proc.
class Folder {
 public:
  Folder(std::string& out, bool lower, size_t sizeHint) : out_(out), lower_(lower) {
    out_.resize(sizeHint + 16);
  }
  ~Folder() { out_.resize(len_); }

  void PutAscii(unsigned char c) {
    Reserve(8);
    switch (kAsciiKind[c]) {
      case Kind::kKeep:
        if (space_ && len_ > 0) out_[len_++] = ' ';
        space_ = false;
        out_[len_++] = lower_ ? kLower[c] : static_cast<char>(c);
        return;
      case Kind::kDrop:
        return;
      case Kind::kSpace:
        space_ = true;
        return;
      case Kind::kAnd:
        if (len_ > 0) out_[len_++] = ' ';
        out_[len_++] = 'a';
        out_[len_++] = 'n';
        out_[len_++] = 'd';
        space_ = true;
        return;
    }
  }

  // A run of ASCII bytes, as PutAscii would write them one by one, in a
  // tighter loop: a 2,600-character bio is folded on every check.
  // Room is made once: every byte but '&' writes at most one byte (a space is
  // written only where a separator before it wrote none), plus one pending
  // space; an '&' makes room for itself and the rest of the run.
  void PutAsciiRun(std::string_view run) {
    const size_t n = run.size();
    Reserve(n + 1);
    char* out = out_.data();
    size_t len = len_;
    bool space = space_;
    const char* map = lower_ ? kLower.data() : kSame.data();
    size_t k = 0;
    while (k < n) {
      const auto c = static_cast<unsigned char>(run[k]);
      switch (kAsciiKind[c]) {
        case Kind::kKeep:
          if (space && len > 0) out[len++] = ' ';
          space = false;
          // The rest of the word without going round the switch.
          do {
            out[len++] = map[static_cast<unsigned char>(run[k])];
            ++k;
          } while (k < n && kAsciiKind[static_cast<unsigned char>(run[k])] == Kind::kKeep);
          continue;
        case Kind::kDrop:
          break;
        case Kind::kSpace:
          space = true;
          break;
        case Kind::kAnd:
          len_ = len;
          Reserve(n - k + 4);
          out = out_.data();
          if (len > 0) out[len++] = ' ';
          out[len++] = 'a';
          out[len++] = 'n';
          out[len++] = 'd';
          space = true;
          break;
      }
      ++k;
    }
    len_ = len;
    space_ = space;
  }

  void Put(int32_t cp) {
    if (cp < 0x80) {
      PutAscii(static_cast<unsigned char>(cp));
      return;
    }
    switch (KindOf(cp)) {
      case Kind::kDrop:
        return;
      case Kind::kSpace:
        space_ = true;
        return;
      case Kind::kAnd:
        PutAscii('&');
        return;
      case Kind::kKeep: {
        Reserve(8);
        if (space_ && len_ > 0) out_[len_++] = ' ';
        space_ = false;
        const auto n = utf8proc_encode_char(cp, reinterpret_cast<utf8proc_uint8_t*>(&out_[len_]));
        len_ += static_cast<size_t>(n);
        return;
      }
    }
  }

 private:
  struct Tables {
    std::array<Kind, 128> kind{};
    std::array<char, 128> lower{};
    std::array<char, 128> same{};
    Tables() {
      for (int c = 0; c < 128; ++c) {
        kind[static_cast<size_t>(c)] = KindOf(c);
        lower[static_cast<size_t>(c)] =
            static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        same[static_cast<size_t>(c)] = static_cast<char>(c);
      }
    }
  };
  static inline const Tables kTables{};
  static inline const std::array<Kind, 128>& kAsciiKind = kTables.kind;
  static inline const std::array<char, 128>& kLower = kTables.lower;
  static inline const std::array<char, 128>& kSame = kTables.same;

  void Reserve(size_t n) {
    if (len_ + n > out_.size()) out_.resize(out_.size() * 2 + n);
  }

  std::string& out_;
  bool lower_;
  bool space_ = false;
  size_t len_ = 0;
};

// The end of the run of ASCII bytes starting at `i`, eight bytes at a time.
size_t AsciiRunEnd(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

}  // namespace

std::string Normalize(std::string_view s, Fold fold) {
  std::string out;
  // Scoped so that the Folder trims `out` to its length before it is returned.
  {
  Folder folder(out, fold != Fold::kStrict, s.size());
  int options = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE;
  if (fold != Fold::kStrict) options |= UTF8PROC_CASEFOLD;
  if (fold == Fold::kLoose) options |= UTF8PROC_STRIPMARK;
  // One buffer per thread: decomposition of a run never allocates once warm.
  thread_local std::vector<utf8proc_int32_t> buffer(64);

  size_t i = 0;
  while (i < s.size()) {
    size_t j = AsciiRunEnd(s, i);
    if (j > i) {
      folder.PutAsciiRun(s.substr(i, j - i));
      i = j;
      continue;
    }
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
    const auto* run = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i);
    const auto len = static_cast<utf8proc_ssize_t>(j - i);
    auto n = utf8proc_decompose(run, len, buffer.data(),
                                static_cast<utf8proc_ssize_t>(buffer.size()),
                                static_cast<utf8proc_option_t>(options));
    if (n > static_cast<utf8proc_ssize_t>(buffer.size())) {
      buffer.resize(static_cast<size_t>(n));
      n = utf8proc_decompose(run, len, buffer.data(), n, static_cast<utf8proc_option_t>(options));
    }
    if (n < 0) {
      // Invalid UTF-8 (the protocol rejects it before us): treat as a separator.
      folder.Put(' ');
    } else {
      for (utf8proc_ssize_t k = 0; k < n; ++k) folder.Put(buffer[static_cast<size_t>(k)]);
    }
    i = j;
  }
  }
  return out;
}

std::vector<std::string_view> Tokens(std::string_view norm) {
  std::vector<std::string_view> tokens;
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = norm.find(' ', start);
    if (end == std::string_view::npos) end = norm.size();
    if (end > start) tokens.push_back(norm.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

std::vector<uint64_t> SortedTokenHashes(std::string_view norm) {
  std::vector<uint64_t> out;
  out.reserve(norm.size() / 5 + 1);
  const size_t n = norm.size();
  size_t i = 0;
  while (i < n) {
    if (norm[i] == ' ') {
      ++i;
      continue;
    }
    // One token, hashed in a loop of its own (FNV-1a).
    uint64_t h = 14695981039346656037ULL;
    do {
      h = (h ^ static_cast<unsigned char>(norm[i])) * 1099511628211ULL;
      ++i;
    } while (i < n && norm[i] != ' ');
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  return out;
}

double DiceOfSorted(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common; ++i; ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

namespace {

bool IsSymbol(utf8proc_int32_t cp) {
  if (cp < 0x80) return false;
  const auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SK || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

// Calls `visit(cp)` for each symbol of `s` until it returns true; true if one did.
template <typename Visit>
bool AnySymbol(std::string_view s, Visit visit) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    if (IsSymbol(cp) && visit(cp)) return true;
    p += n;
    left -= n;
  }
  return false;
}

}  // namespace

bool HasSymbol(std::string_view s) {
  return AnySymbol(s, [](utf8proc_int32_t) { return true; });
}

bool HasSymbolBeyond(std::string_view s, std::string_view allowed) {
  return AnySymbol(s, [&](utf8proc_int32_t cp) {
    return !AnySymbol(allowed, [cp](utf8proc_int32_t own) { return own == cp; });
  });
}

std::string_view Trim(std::string_view s) {
  auto isSpaceAt = [&](size_t pos, size_t* len) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      *len = 1;
      return true;
    }
    // U+00A0 (C2 A0) and U+2000..U+200B, U+202F, U+205F, U+3000 as UTF-8.
    if (c == 0xC2 && pos + 1 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0xA0) {
      *len = 2;
      return true;
    }
    return false;
  };
  size_t len = 0;
  size_t b = 0;
  while (b < s.size() && isSpaceAt(b, &len)) b += len;
  size_t e = s.size();
  while (e > b) {
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    if (!isSpaceAt(k, &len) || k + len != e) break;
    e = k;
  }
  return s.substr(b, e - b);
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<size_t> GraphemeStarts(std::string_view s) {
  std::vector<size_t> starts;
  starts.reserve(s.size() + 1);
  const auto* base = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(s.size());
  utf8proc_int32_t prev = -1;
  utf8proc_int32_t state = 0;
  while (pos < size) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(base + pos, size - pos, &cp);
    if (n <= 0) {  // invalid byte: its own cluster
      n = 1;
      cp = 0xFFFD;
      prev = -1;
    }
    // Between two ASCII characters there is always a break except in CR LF;
    // asking utf8proc only around non-ASCII text keeps long bios cheap.
    bool boundary = false;
    if (prev < 0) {
      boundary = true;
    } else if (prev < 0x80 && cp < 0x80) {
      boundary = !(prev == '\r' && cp == '\n');
      state = 0;
    } else {
      boundary = utf8proc_grapheme_break_stateful(prev, cp, &state);
    }
    if (boundary) {
      starts.push_back(static_cast<size_t>(pos));
    }
    prev = cp;
    pos += n;
  }
  starts.push_back(s.size());
  return starts;
}

size_t CountGraphemes(std::string_view s) {
  bool simple = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\r') {
      simple = false;
      break;
    }
  }
  if (simple) return s.size();
  return GraphemeStarts(s).size() - 1;
}

namespace {

// Top-level domains X's URL detection recognises in bare domains; the common
// ones people put in a bio. A scheme or "www." needs no list.
constexpr std::array<std::string_view, 34> kTlds{
    "com", "org", "net", "io", "dev", "app", "co", "ai", "me", "edu", "gov", "uk",
    "de", "fr", "xyz", "info", "blog", "tech", "page", "sh", "so", "gg", "ly", "is",
    "to", "fm", "tv", "us", "ca", "eu", "nl", "social", "site", "website"};

bool IsUrlToken(std::string_view t) {
  auto startsWith = [&](std::string_view p) {
    if (t.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(t[i])) != p[i]) return false;
    }
    return true;
  };
  if (startsWith("http://") || startsWith("https://") || startsWith("www.")) return true;
  if (t.find('@') != std::string_view::npos) return false;
  // Bare domain: host part up to the first '/', ending in ".<tld>".
  std::string_view host = t.substr(0, t.find('/'));
  while (!host.empty() && (host.back() == '.' || host.back() == ',' || host.back() == ')' ||
                           host.back() == '!' || host.back() == '?')) {
    host.remove_suffix(1);
  }
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string tld;
  for (char c : host.substr(dot + 1)) tld.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view known : kTlds) {
    if (tld == known) return true;
  }
  return false;
}

}  // namespace

size_t CountXWeighted(std::string_view s) {
  size_t total = CountCodePoints(s);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r') ++j;
    if (j > i) {
      const std::string_view token = s.substr(i, j - i);
      if (IsUrlToken(token)) total = total - CountCodePoints(token) + 23;
    }
    i = j;
  }
  return total;
}

size_t CountFor(sites::Counting counting, std::string_view s) {
  switch (counting) {
    case sites::Counting::kGraphemes:
      return CountGraphemes(s);
    case sites::Counting::kCodePointsUrl23:
      return CountXWeighted(s);
    case sites::Counting::kCodePoints:
      break;
  }
  return CountCodePoints(s);
}

}  // namespace oneself::compare::text
