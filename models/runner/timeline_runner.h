#pragma once

#include "models/platforms/timeline_recorder.h"
#include "models/scenario/scenario.h"

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace faaslab {

// A recorded timeline of one architecture in one replication.
struct TimelineOutput {
    std::string architecture;
    std::string type;
    int replication = 0; // 0-based
    TimelineWindow window;
    std::vector<TimelineRecord> records;
    bool truncated = false;
    double truncatedAtS = 0.0;
    bool cancelled = false;
};

// Why a timeline of `architecture` cannot be recorded by this version, or
// nullopt when it can.
std::optional<std::string> timelineUnsupported(const Scenario& scenario, std::size_t architecture);

// Records what happens to the instances and requests of `architecture` in
// replication `replication` (0-based) inside `window`. The replication runs
// with the seed it has in a full run and stops at the window's end, so the
// records are those of the same window of a full run. Precondition:
// !timelineUnsupported(scenario, architecture).
TimelineOutput recordTimeline(const Scenario& scenario, std::size_t architecture, int replication,
                              const TimelineWindow& window,
                              const std::atomic<bool>* cancel = nullptr);

} // namespace faaslab
