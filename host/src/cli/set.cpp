// `oneself set FIELD VALUE`: change one field through profile.update.
#include "cli/field_paths.h"
#include "cli/path.h"
#include "cli/subcommand.h"
#include "json/parse.h"
#include "protocol/limits.h"

namespace oneself::cli {
namespace {

using nlohmann::json;

bool IsIndex(const std::string& part) {
  return !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
}

// Why `parts` cannot be set as given, or Ok. Lists are replaced whole (the
// store's merge patches replace arrays), so a path into one is refused with
// the command that does work.
Status CheckSettable(const std::string& name, const std::vector<std::string>& parts) {
  if (parts[0] == "sites") {
    if (IsSiteSetting(parts)) return Status::Ok();
    const std::string hint = DidYouMean(name);
    return Status::BadRequest(name + " is not a known field" +
                              (hint.empty() ? "; site settings are sites.SITE.policy or "
                                              "sites.SITE.overrides.FIELD"
                                            : hint));
  }
  const FieldPath* field = FindField(parts);
  if (field == nullptr) return Status::BadRequest(name + " is not a known field" + DidYouMean(name));
  std::vector<std::string> list;
  for (const std::string& part : parts) {
    if (IsIndex(part)) break;
    list.push_back(part);
  }
  if (field->shape == Shape::kListItem && list.size() == parts.size()) list.pop_back();
  if (list.size() == parts.size()) return Status::Ok();
  const FieldPath* whole = FindField(list);
  const std::string listName = std::string(whole->path);
  return Status::BadRequest(listName + " is a list: it is set whole, as JSON, such as: " +
                            std::string(whole->example) + " (`oneself get " + listName +
                            " --json` prints it to edit)");
}

// A text value as a field holds it: a bio (or a site's bio override) may
// run over lines; every other field is one line, shown in one input on the
// sites. Control characters (a pasted tab, an escape sequence) are in none.
Status CheckText(const std::string& name, const std::vector<std::string>& parts, const std::string& text) {
  const bool multiline = parts[0] == "bio" || parts.back() == "bio";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (multiline && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (byte == '\n' || byte == '\r') {
      return Status::BadRequest(name + " is one line: it cannot hold a line break");
    }
    if (byte < 0x20 || byte == 0x7F) {
      return Status::BadRequest(name + " cannot hold control characters (such as a tab or an escape)");
    }
  }
  return Status::Ok();
}

// The value `set` stores for the text given: null removes the field, JSON
// for lists and objects, else the text itself.
Result<json> ValueFor(const std::string& name, const std::vector<std::string>& parts,
                      const std::string& text) {
  if (text.empty()) return json(nullptr);
  const FieldPath* field = parts[0] == "sites" ? nullptr : FindField(parts);
  const bool siteJson = parts[0] == "sites" && parts.size() == 3 && parts[2] != "policy";
  const bool takesJson = siteJson || (field != nullptr && field->shape != Shape::kText);
  if (!takesJson) {
    Status s = CheckText(name, parts, text);
    if (!s.ok()) return s;
    return json(text);
  }
  // As deep as a request may nest, so that whatever is stored reads back.
  jsontext::ParseOptions options;
  options.maxDepth = protocol::kMaxJsonDepth;
  std::optional<json> parsed = jsontext::Parse(text, options);
  if (field == nullptr) {
    if (parsed) return std::move(*parsed);
    return Status::BadRequest(name + " takes a JSON value, nested at most " +
                              std::to_string(protocol::kMaxJsonDepth) + " levels");
  }
  const bool list = field->shape == Shape::kList;
  if (parsed && (list ? parsed->is_array() : parsed->is_object())) return std::move(*parsed);
  return Status::BadRequest(name + (list ? " takes a JSON list" : " takes a JSON object") +
                            "; for example: " + std::string(field->example));
}

// Whether the document profile.get answers holds a value at `parts`
// (sites.SITE... under "sites", every other field under "profile").
bool Holds(const json& current, const std::vector<std::string>& parts) {
  const json* at = &current;
  const bool site = parts[0] == "sites";
  if (!site) {
    auto profile = at->find("profile");
    if (profile == at->end()) return false;
    at = &*profile;
  }
  for (const std::string& key : parts) {
    if (!at->is_object()) return false;
    auto next = at->find(key);
    if (next == at->end()) return false;
    at = &*next;
  }
  return true;
}

int Run(const Args& args, Env& env) {
  if (args.positional.size() != 2) {
    return Fail(env, Status::BadRequest("set takes FIELD and VALUE, such as: set headline \"Engineer\""));
  }
  const std::string& name = args.positional[0];
  Result<std::vector<std::string>> parts = SplitPath(name);
  if (!parts.ok()) return Fail(env, parts.status());
  if (Status s = CheckSettable(name, *parts); !s.ok()) return Fail(env, s);
  std::string text = args.positional[1];
  if (text == "-") {
    Result<std::string> in = ReadFileText("-");
    if (!in.ok()) return Fail(env, in.status());
    text = std::move(*in);
    if (!text.empty() && text.back() == '\n') text.pop_back();  // echo's, not the value's
  }
  Result<json> value = ValueFor(name, *parts, text);
  if (!value.ok()) return Fail(env, value.status());
  // Removing a field that is not there is no change (the store would make
  // none either); saying which field is not set tells the user more.
  const bool removing = value->is_null();
  json request;
  if ((*parts)[0] == "sites") {
    request["sites"] = PatchFor({parts->begin() + 1, parts->end()}, std::move(*value));
  } else {
    request["profile"] = PatchFor(*parts, std::move(*value));
  }
  // The user means "make it so now": when another writer got in between,
  // re-read and apply again (a few times) rather than report a conflict.
  Result<json> result = Status::Internal("not run");
  int64_t base = 0;
  for (int attempt = 0; attempt < 5; ++attempt) {
    Result<json> current = RunVerb(env, "profile.get", json::object());
    if (!current.ok()) return Fail(env, current.status());
    base = (*current)["revision"].get<int64_t>();
    if (removing && !Holds(*current, *parts)) {
      if (args.Has("--json")) {
        PrintJson(env, {{"revision", base}});
      } else {
        env.out << "Nothing changed: " << name << " is not set; the profile is at revision " << base
                << "\n";
      }
      return 0;
    }
    request["baseRevision"] = base;
    result = RunVerb(env, "profile.update", request);
    if (result.ok() || result.status().code() != Code::kConflict) break;
  }
  if (!result.ok()) return Fail(env, result.status());
  if (args.Has("--json")) {
    PrintJson(env, {{"revision", (*result)["revision"]}});
  } else if ((*result)["revision"].get<int64_t>() == base) {
    env.out << "Nothing changed; the profile is at revision " << base << "\n";
  } else {
    env.out << "Set " << args.positional[0] << " (revision " << (*result)["revision"].get<int64_t>()
            << ")\n";
  }
  return 0;
}

}  // namespace

constinit const Subcommand kSet{"set", "change one field",
                                "usage: oneself set FIELD VALUE [--json]\n\n"
                                "FIELD is a dotted path: name.full, name.given, headline, bio.short,\n"
                                "bio.about, email, website, location.city, location.display, ...\n"
                                "Lists and objects (links, work, profiles, name.nicknames) take JSON:\n"
                                "  oneself set links '[{\"label\":\"Blog\",\"url\":\"https://ada.example.com\"}]'\n"
                                "Site settings: sites.SITE.policy (professional|personal|off),\n"
                                "sites.SITE.overrides.FIELD. An empty VALUE removes the field; - reads\n"
                                "VALUE from stdin (one trailing newline dropped). A VALUE that starts\n"
                                "with - goes after --:  oneself set headline -- \"-5 years of Go\"\n",
                                {}, Run};

}  // namespace oneself::cli
