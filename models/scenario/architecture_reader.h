#pragma once

#include "models/billing/pricing_catalog.h"
#include "models/scenario/reader_rules.h"
#include "models/scenario/scenario.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace faaslab::reading {

// One element of "architectures" at `path`; `workload` is null for an
// application, whose functions are checked by checkFunctionsOnServerless.
std::optional<ArchitectureSpec> readArchitecture(const Json& node, const std::string& path,
                                                 Diagnostics& diagnostics,
                                                 const WorkloadSpec* workload,
                                                 const PricingCatalog& catalog, bool application);

// An application's functions against each serverless architecture's price
// list (memory limits).
void checkFunctionsOnServerless(const Scenario& scenario, Diagnostics& diagnostics);

} // namespace faaslab::reading
