#pragma once

#include <QStringList>

namespace faaslab::cli {

// faaslab-cli sweep SCENARIO.json --param PATH (--values a,b,c | --range FROM:TO:N[:log])
int sweepCommand(const QStringList& arguments);

} // namespace faaslab::cli
