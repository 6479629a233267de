#pragma once

#include <optional>
#include <string_view>

namespace faaslab {

// The number a missing key stands for outside the architectures (whose keys
// are in architecture_fields.h): the simulation section and the optional keys
// of an arrival process. Taken from the value types' own defaults
// (SimulationSettings, ArrivalSpec, TraceReplaySpec), never restated, so the
// editor's "(default)" placeholders say what the reader does.

// duration_s, warmup_s, seed, replications, timeseries_bin_s.
std::optional<double> simulationFieldDefault(std::string_view key);

// `key` of `workload.arrivals` for `process` ("diurnal", "trace", ...);
// empty for a key that is required or has no fixed default.
std::optional<double> arrivalFieldDefault(std::string_view process, std::string_view key);

} // namespace faaslab
