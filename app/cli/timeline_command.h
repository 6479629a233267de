#pragma once

#include <QStringList>

namespace faaslab::cli {

// faaslab-cli timeline SCENARIO.json --arch NAME [--from S] [--to S]
//   [--replication K] [--limit N] --out FILE.csv|FILE.json
int timelineCommand(const QStringList& arguments);

} // namespace faaslab::cli
