#pragma once

#include "models/results/scenario_results.h"

#include <string>
#include <vector>

namespace faaslab {

// One table of an application's results as cells: rows[0] is the header,
// then one row per part and architecture.
struct ApplicationTable {
    std::string title;
    std::vector<std::vector<std::string>> rows;
};

// The tables formatApplicationTables() prints (triggers, functions, queues;
// those without parts left out), for front ends that lay cells out
// themselves, so the GUI and the command line share one definition of the
// columns.
std::vector<ApplicationTable> applicationTables(const ScenarioResults& results);

// The per-trigger, per-function and per-queue tables of an application's
// results (empty for a one-function scenario): one row per part and
// architecture, so the architectures of each part read side by side.
std::string formatApplicationTables(const ScenarioResults& results);

} // namespace faaslab
