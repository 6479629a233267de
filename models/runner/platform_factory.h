#pragma once

#include "models/platforms/platform.h"
#include "models/scenario/scenario.h"

#include <memory>

namespace faaslab {

// The platform model for an architecture of a scenario.
std::unique_ptr<Platform> makePlatform(const ArchitectureSpec& spec,
                                       const PlatformContext& context);

} // namespace faaslab
