#pragma once

#include "models/scenario/reader_rules.h"
#include "models/scenario/trace_arrivals_reader.h"
#include "models/workload/workload_spec.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace faaslab::reading {

// The "arrivals" member of `workload` (a format-1 workload or an
// application trigger); trace files are looked up relative to `base`.
std::optional<ArrivalSpec> readArrivals(JsonObjectReader& workload,
                                        const std::filesystem::path& base,
                                        TraceCompanions* companions = nullptr);

// The "workload" member of a format-1 scenario.
std::optional<WorkloadSpec> readWorkload(JsonObjectReader& root, const std::filesystem::path& base);

} // namespace faaslab::reading
