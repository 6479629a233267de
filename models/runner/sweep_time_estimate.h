#pragma once

#include "models/scenario/scenario.h"

#include <functional>
#include <vector>

namespace faaslab {

// How long a sweep will take, before it starts. A run's cost is close to
// proportional to the invocations it simulates (each one is a few events),
// so the work of a run is counted in expected invocations, and the machine's
// speed in invocations simulated per second by one thread: measured from a
// run that already happened, or from a short calibration run.
//
// The work of one run of `scenario`: the expected invocations over its
// duration (format 1: arrivals; format 2: each trigger's requests times the
// invocations each causes), for every architecture and replication.
double expectedRunWork(const Scenario& scenario);

// Invocations per second of one thread: simulates `scenario` (one
// replication, one thread) cut short to about `targetWork` invocations, and
// measures the wall time. Takes a fraction of a second for the default.
double measureSimulationSpeed(const Scenario& scenario, double targetWork = 100000.0);

// Seconds to run points of the given work (in invocations) at `speed`
// invocations per second per thread on `threads` threads (0: every core),
// as runSweep() schedules them: one point per thread, largest first. Break-
// even bisection comes on top (about log2(range / 1 %) runs per change).
double estimateSweepSeconds(const std::vector<double>& pointWork, double speed, int threads = 0);

// The range the Sweep tab proposes for a field whose value is `current`:
// from a tenth to ten times it (12 points, geometric), narrowed until
// `secondsFor(values)` fits within `budgetS`: fewer points first, then a
// smaller top of the range (the heavy end for a rate), down to 4 points from
// a tenth of the value to the value. Whole-number fields get whole values.
struct SweepRangeProposal {
    double from = 0.0;
    double to = 1.0;
    int points = 12;
    bool logarithmic = false;
    double estimatedS = 0.0; // 0 when no estimate was available
    bool withinBudget = true;
};
SweepRangeProposal
proposeSweepRange(double current, bool wholeNumbers,
                  const std::function<double(const std::vector<double>& values)>& secondsFor,
                  double budgetS);

} // namespace faaslab
