#pragma once

#include "models/platforms/container_config.h"
#include "models/platforms/serverless_config.h"
#include "models/platforms/vm_config.h"

#include <variant>

namespace faaslab {

// The settings of one architecture, of one of the three kinds.
using PlatformConfig = std::variant<ServerlessConfig, ContainerConfig, VmConfig>;

} // namespace faaslab
