#include "compare/website.h"

#include <array>
#include <vector>

#include "compare/text.h"

namespace oneself::compare {
namespace {

constexpr std::array<std::string_view, 12> kShorteners{
    "t.co", "lnkd.in", "bit.ly", "buff.ly", "ow.ly", "tinyurl.com", "goo.gl",
    "is.gd", "dlvr.it", "rebrand.ly", "shorturl.at", "tiny.cc"};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (Lower(s[i]) != p[i]) return false;
  }
  return true;
}

// Host in lower case, without scheme, credentials, "www." and default port.
std::string_view SplitHost(std::string_view url, std::string_view* rest) {
  url = text::Trim(url);
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos && scheme < 10) url.remove_prefix(scheme + 3);
  const size_t end = url.find_first_of("/?#");
  std::string_view host = url.substr(0, end);
  *rest = end == std::string_view::npos ? std::string_view() : url.substr(end);
  const size_t at = host.rfind('@');
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  if (StartsWithNoCase(host, "www.")) host.remove_prefix(4);
  for (std::string_view port : {":80", ":443"}) {
    if (host.size() > port.size() && host.substr(host.size() - port.size()) == port) {
      host.remove_suffix(port.size());
    }
  }
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  return host;
}

}  // namespace

std::string UrlKey(std::string_view url) {
  std::string_view rest;
  const std::string_view host = SplitHost(url, &rest);
  std::string key;
  key.reserve(url.size());
  for (char c : host) key.push_back(Lower(c));
  const size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  const size_t q = rest.find('?');
  std::string_view path = rest.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  key.append(path);
  // Keep the parameters that are not tracking, in their order.
  std::string kept;
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    const bool tracking = StartsWithNoCase(param, "utm_") || StartsWithNoCase(param, "fbclid=") ||
                          StartsWithNoCase(param, "gclid=") || StartsWithNoCase(param, "ref=") ||
                          StartsWithNoCase(param, "ref_src=");
    if (!param.empty() && !tracking) {
      kept.push_back(kept.empty() ? '?' : '&');
      kept.append(param);
    }
    start = end + 1;
  }
  key.append(kept);
  return key;
}

bool IsShortenedUrl(std::string_view url) {
  std::string_view rest;
  const std::string_view host = SplitHost(url, &rest);
  for (std::string_view s : kShorteners) {
    if (host.size() != s.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.size(); ++i) {
      if (Lower(host[i]) != s[i]) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  return false;
}

}  // namespace oneself::compare
