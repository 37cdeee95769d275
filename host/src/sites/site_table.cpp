// The site table as data. Each limit carries the place it was taken from, so
// that when a site changes a number, the next reader knows where to look.
// docs/sites.md explains the fields and the counting.
#include "sites/site_table.h"

#include <array>
#include <cctype>

namespace oneself::sites {
namespace {

constexpr std::string_view kLinkedInHelp =
    "LinkedIn Help: \"Character limits for your LinkedIn profile\" (answer 8896)";
constexpr std::string_view kXHelp =
    "X Help Center: \"How to customize your profile\"; the X profile editor's counter";
constexpr std::string_view kGitHubForm = "GitHub profile settings form (maxlength of the bio field)";
constexpr std::string_view kFacebookForm = "Facebook \"Edit intro\" bio counter";
constexpr std::string_view kMastodonSource =
    "Mastodon source: app/models/account.rb (DISPLAY_NAME_LENGTH_LIMIT 30, NOTE_LENGTH_LIMIT "
    "500), DEFAULT_FIELDS_SIZE 4, field values 255";
constexpr std::string_view kBlueskyLexicon =
    "AT Protocol lexicon app.bsky.actor.profile (displayName maxGraphemes 64, description "
    "maxGraphemes 256)";
constexpr std::string_view kInstagramHelp = "Instagram edit-profile form counters (name 30, bio 150)";

constexpr std::array<FieldLimit, 5> kLinkedIn{{
    {"firstName", 20, kLinkedInHelp},
    {"lastName", 40, kLinkedInHelp},
    {"headline", 220, kLinkedInHelp},
    {"bio", 2600, kLinkedInHelp},  // the About section
    {"title", 100, kLinkedInHelp},  // position title
}};
constexpr std::array<FieldLimit, 4> kX{{
    {"name", 50, kXHelp},
    {"bio", 160, kXHelp},
    {"location", 30, kXHelp},
    {"website", 100, kXHelp},
}};
constexpr std::array<FieldLimit, 1> kGitHub{{
    {"bio", 160, kGitHubForm},
}};
constexpr std::array<FieldLimit, 1> kFacebook{{
    {"bio", 101, kFacebookForm},  // the intro
}};
constexpr std::array<FieldLimit, 4> kMastodon{{
    {"name", 30, kMastodonSource},
    {"bio", 500, kMastodonSource},
    {"fields", 4, kMastodonSource},      // number of profile metadata fields
    {"fieldValue", 255, kMastodonSource},  // each metadata value
}};
constexpr std::array<FieldLimit, 2> kBluesky{{
    {"name", 64, kBlueskyLexicon},
    {"bio", 256, kBlueskyLexicon},
}};
constexpr std::array<FieldLimit, 2> kInstagram{{
    {"name", 30, kInstagramHelp},
    {"bio", 150, kInstagramHelp},
}};
// Google publishes no limits for the profile's name fields that we rely on;
// the entry exists so the site is known and can carry a policy.
constexpr std::array<FieldLimit, 0> kGoogle{};
// The user's own site or blog: its owner sets the limits, there are none.
constexpr std::array<FieldLimit, 0> kWebsite{};

constexpr std::array<Site, 9> kSites{{
    {"linkedin", "LinkedIn", Counting::kCodePoints, kLinkedIn},
    {"x", "X", Counting::kCodePointsUrl23, kX},
    {"github", "GitHub", Counting::kCodePoints, kGitHub},
    {"facebook", "Facebook", Counting::kCodePoints, kFacebook},
    {"mastodon", "Mastodon", Counting::kCodePoints, kMastodon},
    {"bluesky", "Bluesky", Counting::kGraphemes, kBluesky},
    {"instagram", "Instagram", Counting::kCodePoints, kInstagram},
    {"google", "Google", Counting::kCodePoints, kGoogle},
    {"website", "Website", Counting::kCodePoints, kWebsite},
}};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::span<const Site> AllSites() { return kSites; }

const Site* FindSite(std::string_view idOrNetwork) {
  // JSON Resume's profiles[].network and older names reach us too.
  if (EqualsIgnoreCase(idOrNetwork, "twitter")) idOrNetwork = "x";
  for (const Site& site : kSites) {
    if (EqualsIgnoreCase(site.id, idOrNetwork) || EqualsIgnoreCase(site.name, idOrNetwork)) {
      return &site;
    }
  }
  return nullptr;
}

const FieldLimit* FindLimit(const Site& site, std::string_view field) {
  for (const FieldLimit& limit : site.limits) {
    if (limit.field == field) return &limit;
  }
  return nullptr;
}

}  // namespace oneself::sites
