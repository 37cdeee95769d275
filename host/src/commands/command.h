// One class per verb, all behind this interface, chosen by MakeCommand (one
// table in factory.cpp). The host's dispatcher and the CLI both run verbs
// through Execute, so there is exactly one implementation of each operation.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "oneself/status.h"
#include "store/store.h"

namespace oneself::commands {

// What a verb may touch. The store outlives the context.
struct Context {
  store::Store& store;
  store::Source source = store::Source::kExtension;
  // The current time, RFC 3339 UTC; replaceable in tests.
  std::function<std::string()> now;
};

class Command {
 public:
  virtual ~Command() = default;
  // `request` is the whole request object (it has "type" and maybe "id").
  // Returns the reply's `result`, or a Status whose code goes on the wire.
  virtual Result<nlohmann::json> Run(const nlohmann::json& request, Context& ctx) = 0;
};

// nullptr for an unknown verb.
std::unique_ptr<Command> MakeCommand(std::string_view type);
// Every verb MakeCommand knows, in documentation order.
const std::vector<std::string_view>& AllVerbs();

// MakeCommand + Run, with unknown_type for an unknown verb and every
// exception turned into `internal` (logged, never put on the wire verbatim).
Result<nlohmann::json> Execute(std::string_view type, const nlohmann::json& request, Context& ctx);

// RFC 3339 UTC, second precision: "2026-11-25T10:00:00Z".
std::string NowUtc();

}  // namespace oneself::commands
