#include "compare/fit_bio.h"

#include "compare/engine.h"
#include "compare/text.h"

namespace oneself::compare {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, one character everywhere

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::string CutToFit(std::string_view textIn, sites::Counting counting, size_t limit) {
  const std::string_view t = text::Trim(textIn);
  if (text::CountFor(counting, t) <= limit) return std::string(t);
  if (limit == 0) return {};
  const size_t budget = limit - 1;  // the ellipsis
  const std::vector<size_t> starts = text::GraphemeStarts(t);
  // The longest prefix ending at a grapheme boundary that fits: counts grow
  // with the prefix, so a binary search over the boundaries finds it.
  size_t lo = 0, hi = starts.size() - 1;
  while (lo < hi) {
    const size_t mid = (lo + hi + 1) / 2;
    if (text::CountFor(counting, t.substr(0, starts[mid])) <= budget) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  const size_t maxBytes = starts[lo];
  std::string_view prefix = t.substr(0, maxBytes);
  // A sentence end: ". ", "! ", "? " (or the end of the prefix right before a space).
  size_t sentence = std::string_view::npos;
  for (size_t i = prefix.size(); i > 0; --i) {
    const char c = prefix[i - 1];
    if ((c == '.' || c == '!' || c == '?') && (i == t.size() || IsSpace(t[i]))) {
      sentence = i;
      break;
    }
  }
  std::string_view cut;
  if (sentence != std::string_view::npos && sentence * 2 >= maxBytes) {
    cut = prefix.substr(0, sentence);
    while (!cut.empty() && cut.back() == '.') cut.remove_suffix(1);
  } else if (maxBytes < t.size() && IsSpace(t[maxBytes])) {
    cut = prefix;  // the prefix already ends at a word
  } else {
    size_t space = prefix.find_last_of(" \n\t");
    cut = (space == std::string_view::npos || space == 0) ? prefix : prefix.substr(0, space);
  }
  while (!cut.empty() && (IsSpace(cut.back()) || cut.back() == ',' || cut.back() == ';' ||
                          cut.back() == ':' || cut.back() == '-')) {
    cut.remove_suffix(1);
  }
  std::string out(cut);
  out.append(kEllipsis);
  return out;
}

std::optional<FittedBio> Fit(const Canonical& canon, const sites::Site& site,
                             const nlohmann::json* overrides) {
  const sites::FieldLimit* limit = sites::FindLimit(site, "bio");
  FittedBio fit;
  if (limit) fit.limit = limit->max;
  if (overrides && overrides->is_object() && overrides->contains("bio") &&
      (*overrides)["bio"].is_string()) {
    fit.text = (*overrides)["bio"].get<std::string>();
    fit.source = "override";
    fit.length = text::CountFor(site.counting, fit.text);
    return fit;
  }
  if (canon.bios.empty()) return std::nullopt;
  const BioVariant* best = nullptr;
  size_t bestLength = 0;
  // When none fits, the shortest is cut: written to stand alone in little
  // room, it loses least (a cut About keeps only its opening clause).
  const BioVariant* shortest = nullptr;
  size_t shortestLength = 0;
  for (const BioVariant& v : canon.bios) {
    const size_t n = v.Length(site.counting);
    if (shortest == nullptr || n < shortestLength) {
      shortest = &v;
      shortestLength = n;
    }
    if ((!limit || n <= static_cast<size_t>(limit->max)) && (best == nullptr || n > bestLength)) {
      best = &v;
      bestLength = n;
    }
  }
  if (best) {
    fit.text = best->text;
    fit.source = best->source;
    fit.length = bestLength;
    return fit;
  }
  fit.text = CutToFit(shortest->text, site.counting, static_cast<size_t>(limit->max));
  fit.source = shortest->source;
  fit.length = text::CountFor(site.counting, fit.text);
  fit.truncated = true;
  return fit;
}

Result<nlohmann::json> FitBio(const store::Snapshot& canonical, std::string_view siteId) {
  const sites::Site* site = sites::FindSite(siteId);
  if (site == nullptr) return Status::NotFound("unknown site: " + std::string(siteId));
  const nlohmann::json* overrides = nullptr;
  const nlohmann::json& doc = canonical.doc;
  if (doc.is_object() && doc.contains("sites") && doc["sites"].is_object() &&
      doc["sites"].contains(std::string(site->id)) &&
      doc["sites"][std::string(site->id)].is_object() &&
      doc["sites"][std::string(site->id)].contains("overrides")) {
    overrides = &doc["sites"][std::string(site->id)]["overrides"];
  }
  const auto fit = Fit(CanonicalFor(canonical), *site, overrides);
  if (!fit) return Status::NotFound("the canonical profile has no bio");
  nlohmann::json out = {{"site", site->id},          {"text", fit->text},
                        {"length", fit->length},     {"truncated", fit->truncated},
                        {"source", fit->source}};
  out["limit"] = fit->limit ? nlohmann::json(*fit->limit) : nlohmann::json(nullptr);
  return out;
}

}  // namespace oneself::compare
