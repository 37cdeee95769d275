// The constructors of the verbs, one per file, for the table in factory.cpp.
#pragma once

#include <memory>

#include "commands/command.h"

namespace oneself::commands {

std::unique_ptr<Command> MakeHello();
std::unique_ptr<Command> MakeProfileGet();
std::unique_ptr<Command> MakeProfileUpdate();
std::unique_ptr<Command> MakeProfileHistory();
std::unique_ptr<Command> MakeProfileRevert();
std::unique_ptr<Command> MakeConflicts();
std::unique_ptr<Command> MakeImport();
std::unique_ptr<Command> MakeExport();
std::unique_ptr<Command> MakeSitesStatus();
std::unique_ptr<Command> MakeCheck();
std::unique_ptr<Command> MakeBioGet();
std::unique_ptr<Command> MakePhotoSet();
std::unique_ptr<Command> MakeIgnoreAdd();
std::unique_ptr<Command> MakeIgnoreRemove();

}  // namespace oneself::commands
