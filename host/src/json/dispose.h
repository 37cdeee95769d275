// Releasing a document read from a request. nlohmann destroys a container by
// moving every child onto a stack of its own and destroying it from there
// (so that no document is deep enough to overflow the call stack): three
// calls per value. For the 1,024 gray values of a photo that was a third of
// reading and releasing the request (bench/README.md).
#pragma once

#include <nlohmann/json.hpp>

namespace oneself::jsontext {

// Leaves `doc` null: EmptyScalarArrays, then nlohmann's destruction for the
// rest.
void Dispose(nlohmann::json& doc);

// Empties in place, one call per value, every array of `doc` that holds no
// arrays or objects; leaves alone what lies deeper than a request may nest.
void EmptyScalarArrays(nlohmann::json& doc);

}  // namespace oneself::jsontext
