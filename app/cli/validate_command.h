#pragma once

#include <QStringList>

namespace faaslab::cli {

// faaslab-cli validate SCENARIO.json...
int validateCommand(const QStringList& arguments);

} // namespace faaslab::cli
