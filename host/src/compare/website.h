// Web addresses compared as the same page: scheme, "www.", host case, a
// trailing slash, default ports, fragments and utm_* parameters do not count.
#pragma once

#include <string>
#include <string_view>

namespace oneself::compare {

// "HTTPS://www.Ada.example.com/blog/?utm_source=x&a=1" -> "ada.example.com/blog?a=1".
std::string UrlKey(std::string_view url);

// t.co, lnkd.in, bit.ly and other shorteners: the target cannot be verified.
bool IsShortenedUrl(std::string_view url);

}  // namespace oneself::compare
