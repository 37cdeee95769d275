// The list of links a site shows, `links: [{label, url}]`. Every link shown
// should be a canonical one (the website, links[].url, profiles[].url).
//
// On Mastodon the list is the profile's metadata rows (label/value pairs; the
// site table's `fields` and `fieldValue` entries mark such a site). There a
// value need not be a link at all ("Pronouns: she/her"), each label and value
// has the site's limit (255), and since these rows are where a Mastodon
// profile shows a website, a missing canonical website is reported too.
#include <cctype>

#include "compare/rules.h"
#include "compare/text.h"
#include "compare/website.h"

namespace oneself::compare {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// A web address: with a scheme, or a bare host with a dot and a top-level
// domain of letters ("ada.example.com/blog"). Text with spaces ("Boston,
// MA"), without a dot ("she/her") or with an @ (an e-mail address, a
// fediverse handle) is not one.
bool LooksLikeLink(std::string_view v) {
  v = text::Trim(v);
  if (StartsWithNoCase(v, "https://") || StartsWithNoCase(v, "http://")) return true;
  if (v.empty() || v.find_first_of(" \t\r\n@") != std::string_view::npos) return false;
  const std::string_view host = v.substr(0, v.find_first_of("/?#"));
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || host.size() - dot < 3) return false;
  for (char c : host.substr(dot + 1)) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A row's label or value over the site's limit.
void CheckRowLength(RuleContext& ctx, const sites::FieldLimit& limit, std::string_view value,
                    const std::string& what) {
  const size_t n = text::CountFor(ctx.site.counting, value);
  if (n <= static_cast<size_t>(limit.max)) return;
  Warning w;
  w.field = "links";
  w.severity = "warning";
  w.code = "too_long";
  w.observed = std::string(value);
  w.canonical = nullptr;
  w.message = what + " is " + std::to_string(n) + " characters; " + std::string(ctx.site.name) +
              " allows " + std::to_string(limit.max) + ".";
  w.limit = limit.max;
  ctx.out.push_back(std::move(w));
}

// `websiteKey`: the site's website override counts as canonical there.
void CheckUnknown(RuleContext& ctx, const std::string& url, const std::string& websiteKey) {
  const std::string key = UrlKey(url);
  if (key == websiteKey) return;
  for (const std::string& k : ctx.canon.linkKeys) {
    if (k == key) return;
  }
  Warning w;
  w.field = "links";
  w.observed = url;
  w.canonical = nullptr;
  w.severity = IsShortenedUrl(url) ? "info" : "warning";
  w.code = "differs";
  w.message = IsShortenedUrl(url)
                  ? "The link " + url + " is shortened; oneself cannot verify where it leads."
                  : "The link " + url + " is not among your canonical links.";
  ctx.out.push_back(std::move(w));
}

}  // namespace

void CheckLinks(RuleContext& ctx, const nlohmann::json& links) {
  const bool profileRows = sites::FindLimit(ctx.site, "fields") != nullptr;
  const sites::FieldLimit* rowLimit = sites::FindLimit(ctx.site, "fieldValue");
  const std::string* websiteOverride = ctx.Override("website");
  const std::string& website = websiteOverride ? *websiteOverride : ctx.canon.website;
  const std::string websiteKey = website.empty() ? std::string() : UrlKey(website);
  bool websiteShown = false;

  for (const auto& link : links) {
    // A null label is a link shown without one (ValidateField allows it).
    const auto labelIt = link.find("label");
    const std::string label =
        labelIt != link.end() && labelIt->is_string() ? labelIt->get<std::string>() : std::string();
    const std::string url = link.value("url", std::string());
    if (rowLimit != nullptr) {
      const std::string_view name = text::Trim(label);
      const bool nameable = !name.empty() && text::CountCodePoints(name) <= 40;
      CheckRowLength(ctx, *rowLimit, label, "A profile field's label");
      CheckRowLength(ctx, *rowLimit, url,
                     nameable ? "The value of the profile field \"" + std::string(name) + "\""
                              : std::string("A profile field's value"));
    }
    if (text::Trim(url).empty()) continue;
    // A metadata row may hold any text; only links are compared.
    if (profileRows && !LooksLikeLink(url)) continue;
    if (!websiteKey.empty() && UrlKey(url) == websiteKey) websiteShown = true;
    if (!ctx.canon.linkKeys.empty()) CheckUnknown(ctx, url, websiteKey);
  }

  if (profileRows && !websiteKey.empty() && !websiteShown) {
    Warning w;
    w.field = "links";
    w.severity = "warning";
    w.code = "missing";
    w.observed = links;
    w.canonical = website;
    w.message = "Your canonical website, " + website + ", is not among your " +
                std::string(ctx.site.name) + " profile fields.";
    ctx.out.push_back(std::move(w));
  }
}

}  // namespace oneself::compare
