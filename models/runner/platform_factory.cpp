#include "models/runner/platform_factory.h"

#include "models/platforms/serverless_platform.h"

namespace faaslab {

std::unique_ptr<Platform> makePlatform(const ArchitectureSpec& spec,
                                       const PlatformContext& context) {
    struct Visitor {
        const PlatformContext& context;
        std::unique_ptr<Platform> operator()(const ServerlessConfig& config) const {
            return std::make_unique<ServerlessPlatform>(config, context);
        }
    };
    return std::visit(Visitor{context}, spec.config);
}

} // namespace faaslab
