#pragma once

#include "models/scenario/reader_rules.h"
#include "models/workload/distribution_spec.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace faaslab::reading {

// The distribution at `key` of `parent` ("service_time_s": {"dist": ...}),
// or nullopt (with the problems reported) when it is missing and required,
// or broken.
std::optional<DistributionSpec> readDistribution(JsonObjectReader& parent, std::string_view key,
                                                 bool required);

} // namespace faaslab::reading
