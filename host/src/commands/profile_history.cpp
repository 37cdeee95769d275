// `profile.history`: the journal, newest first, a page at a time. `next` is
// the `before` of the following page, null on the last one.
#include <limits>

#include <fmt/format.h>

#include "commands/command.h"
#include "commands/fields.h"
#include "protocol/limits.h"

namespace oneself::commands {
namespace {

using nlohmann::json;

constexpr int64_t kDefaultLimit = 20;
// The page is shrunk until the reply fits a frame, with room for the envelope.
constexpr size_t kPageBudget = protocol::kMaxReplyBytes - 4096;

json EntryJson(const store::JournalEntry& e) {
  json out = {{"revision", e.revision}, {"time", e.time}, {"source", e.source},
              {"changes", e.changes}};
  if (e.revertedTo) out["revertedTo"] = *e.revertedTo;
  if (!e.device.empty()) {
    out["device"] = e.device;
    out["deviceName"] = e.deviceName;
  }
  return out;
}

class ProfileHistory final : public Command {
 public:
  Result<json> Run(const json& request, Context& ctx) override {
    Result<std::optional<int64_t>> before =
        OptionalInt(request, "before", 0, std::numeric_limits<int64_t>::max());
    if (!before.ok()) return before.status();
    Result<std::optional<int64_t>> limit = OptionalInt(request, "limit", 1, protocol::kMaxHistoryPage);
    if (!limit.ok()) return limit.status();
    const size_t want = static_cast<size_t>(limit->value_or(kDefaultLimit));

    // One more than asked tells whether another page follows.
    Result<std::vector<store::JournalEntry>> entries =
        ctx.store.History(before->value_or(0), want + 1);
    if (!entries.ok()) return entries.status();
    bool more = entries->size() > want;
    if (more) entries->resize(want);

    json list = json::array();
    size_t bytes = 0;
    for (const store::JournalEntry& e : *entries) {
      json item = EntryJson(e);
      size_t size = item.dump(-1, ' ', false, json::error_handler_t::replace).size() + 1;
      if (bytes + size > kPageBudget) {
        if (list.empty()) {
          return Status::TooLarge(fmt::format(
              "revision {} is too large to send; use `oneself history` instead", e.revision));
        }
        more = true;
        break;
      }
      bytes += size;
      list.push_back(std::move(item));
    }
    json next = nullptr;
    if (more && !list.empty()) next = list.back()["revision"];
    return json{{"entries", std::move(list)}, {"next", next}};
  }
};

}  // namespace

std::unique_ptr<Command> MakeProfileHistory() { return std::make_unique<ProfileHistory>(); }

}  // namespace oneself::commands
