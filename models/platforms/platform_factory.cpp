#include "models/platforms/platform_factory.h"

#include "models/platforms/container_platform.h"
#include "models/platforms/serverless_platform.h"
#include "models/platforms/vm_platform.h"

namespace faaslab {

std::unique_ptr<Platform> makePlatform(const PlatformConfig& config,
                                       const PlatformContext& context) {
    struct Visitor {
        const PlatformContext& context;
        std::unique_ptr<Platform> operator()(const ServerlessConfig& config) const {
            return std::make_unique<ServerlessPlatform>(config, context);
        }
        std::unique_ptr<Platform> operator()(const ContainerConfig& config) const {
            return std::make_unique<ContainerPlatform>(config, context);
        }
        std::unique_ptr<Platform> operator()(const VmConfig& config) const {
            return std::make_unique<VmPlatform>(config, context);
        }
    };
    return std::visit(Visitor{context}, config);
}

} // namespace faaslab
