#pragma once

#include "models/workload/timestamp_trace_reader.h"
#include "models/workload/trace_replay_spec.h"
#include "simulator/random_stream.h"

#include <cstdint>
#include <fstream>
#include <limits>
#include <memory>

namespace faaslab {

// Replays a validated trace as successive arrival times, for one
// replication. A timestamp trace is streamed from its file again (one line in
// memory at a time); an Azure trace is replayed from its per-minute counts.
//
// Scaled time: t = (pass x span + trace time) x time_scale, where `pass`
// counts the repetitions of a repeated trace.
class TraceReplay {
public:
    static constexpr double Never = std::numeric_limits<double>::infinity();

    explicit TraceReplay(const TraceReplaySpec& spec);

    // The next arrival time, or Never after the end of a trace that does not
    // repeat. Throws std::runtime_error if the file no longer reads as it did
    // when it was validated.
    double next(sim::RandomStream& rng);

private:
    double nextTimestamp();
    double nextCounted(sim::RandomStream& rng);
    void openFile();

    TraceReplaySpec m_spec;
    double m_passOffsetS = 0.0;

    // timestamps
    std::ifstream m_file;
    std::unique_ptr<TimestampTraceReader> m_reader;
    TraceArrival m_arrival;

    // azure: the current minute, how many of its arrivals are placed, and the
    // last placed position within it (a fraction of the minute).
    std::size_t m_bin = 0;
    std::uint32_t m_placed = 0;
    double m_lastFraction = 0.0;
};

} // namespace faaslab
