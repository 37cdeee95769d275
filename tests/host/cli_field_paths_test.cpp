// The CLI's table of field paths (cli/field_paths.cpp) repeats the store's
// model: every path it knows must be one the store accepts, in the shape the
// table says, or `get`/`set` would offer fields the store refuses.
#include <catch2/catch.hpp>

#include "cli/field_paths.h"
#include "store/store.h"
#include "store_testing.h"

using namespace oneself;
using nlohmann::json;

namespace {

// A value the store accepts for a text field at `path`.
json TextFor(std::string_view path) {
  if (path == "photo.sha256") return std::string(64, 'a');
  if (path == "photo.phash") return std::string(16, 'b');
  if (path == "work.start" || path == "work.end") return "2021-03";
  return "text";
}

// {"a": {"b": value}} for "a.b".
json Nest(std::string_view path, json value) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return json{{std::string(path), std::move(value)}};
  return Nest(path.substr(0, dot), json{{std::string(path.substr(dot + 1)), std::move(value)}});
}

}  // namespace

TEST_CASE("cli field paths: every path the CLI knows is one the store accepts, in its shape", "[cli]") {
  testing::TempDir dir;
  store::Store store(dir.path() / "store");
  REQUIRE(store.Init().ok());
  const auto fields = cli::AllFields();
  CHECK(fields.size() > 20);
  for (const cli::FieldPath& field : fields) {
    INFO(field.path);
    json profile;
    switch (field.shape) {
      case cli::Shape::kText: profile = Nest(field.path, TextFor(field.path)); break;
      case cli::Shape::kObject: profile = Nest(field.path, json::object()); break;
      case cli::Shape::kList: profile = Nest(field.path, json::array()); break;
      case cli::Shape::kListItem: {
        // "work.title": a list with one item holding that key.
        const std::string_view list = field.path.substr(0, field.path.find('.'));
        const std::string key(field.path.substr(field.path.find('.') + 1));
        profile = Nest(list, json::array({json{{key, TextFor(field.path)}}}));
        break;
      }
    }
    const auto latest = store.Load();
    REQUIRE(latest.ok());
    const auto r = store.Update(latest->revision, {{"profile", profile}}, store::Source::kCli);
    CHECK(r.ok());
    if (!r.ok()) UNSCOPED_INFO(r.status().ToString());
    // The store refuses a key it does not know (not a conflict): the check
    // above can fail.
    const auto now = store.Load();
    REQUIRE(now.ok());
    const auto unknown = store.Update(now->revision, {{"profile", Nest(std::string(field.path) + "x", "text")}},
                                      store::Source::kCli);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.status().code() == Code::kBadRequest);
  }
}

// One closeness rule for every suggestion the CLI makes (get, set, check):
// at most two edits, the first of the nearest on a tie.
TEST_CASE("cli field paths: Nearest suggests a name at most two edits away", "[cli]") {
  const std::vector<std::string> known{"headline", "location", "firstName"};
  CHECK(cli::Nearest("headlin", known) == "headline");
  CHECK(cli::Nearest("Location", known) == "location");
  CHECK(cli::Nearest("firstname", known) == "firstName");
  CHECK(cli::Nearest("hedlin", known) == "headline");
  CHECK(cli::Nearest("hdlin", known).empty());
  CHECK(cli::Nearest("colour", known).empty());
  CHECK(cli::Nearest("", known).empty());
  CHECK(cli::Nearest("headline", {}).empty());
  CHECK(cli::DidYouMean("headlin") == "; did you mean headline?");
  CHECK(cli::DidYouMean("colour").empty());
}
