#pragma once

#include "models/platforms/platform.h"
#include "models/platforms/platform_config.h"

#include <memory>

namespace faaslab {

// The platform model for an architecture's settings.
std::unique_ptr<Platform> makePlatform(const PlatformConfig& config,
                                       const PlatformContext& context);

} // namespace faaslab
