#pragma once

#include "models/scenario/json_object_reader.h"
#include "models/workload/trace_profiler.h"
#include "models/workload/trace_replay_spec.h"

#include <filesystem>

namespace faaslab {

// The members of a `trace` arrival process (docs/scenario-format.md): the
// file and what to take from it. Relative file names are read from `base`,
// the scenario's folder. The file is checked here, streaming, so a scenario
// that reads is one that runs; a problem is reported at the key naming the
// file it is in. `companions` (format-1 workloads only, else null) receives
// what an Azure trace's duration and memory files give.
void readTraceArrivals(JsonObjectReader& r, const std::filesystem::path& base,
                       TraceReplaySpec& trace, TraceCompanions* companions);

} // namespace faaslab
