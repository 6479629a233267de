#pragma once

#include <QStringList>

namespace faaslab::cli {

// faaslab-cli run SCENARIO.json [options]
int runCommand(const QStringList& arguments);

} // namespace faaslab::cli
