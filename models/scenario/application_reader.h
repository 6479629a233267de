#pragma once

#include "models/application/application_spec.h"
#include "models/scenario/reader_rules.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace faaslab::reading {

// The "application" member of a format-2 scenario: functions, queues,
// triggers and edges, with the graph checked (names, cycles, fan-out).
std::optional<ApplicationSpec> readApplication(JsonObjectReader& root,
                                               const std::filesystem::path& base);

} // namespace faaslab::reading
