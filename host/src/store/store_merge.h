// Internal to the store: the merged view a Store serves, shared by
// store.cpp (which keeps it current) and verify.cpp (which checks it).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "store/env.h"
#include "store/merge.h"
#include "store/store.h"

namespace oneself::store {

struct Store::Merge {
  std::map<std::string, FileStamp> stamps;  // each device's journal, when last read
  Merged merged;
  std::map<std::string, std::string> held;  // device -> why its file is not merged further
  std::shared_ptr<const Snapshot> snapshot;
};

}  // namespace oneself::store
