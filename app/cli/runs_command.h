#pragma once

#include <QStringList>

namespace faaslab::cli {

// faaslab-cli runs list | show ID | export ID (--csv | --timeseries | --json) | delete ID
int runsCommand(const QStringList& arguments);

} // namespace faaslab::cli
