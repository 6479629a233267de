#include "models/scenario/scenario.h"

namespace faaslab {

std::string_view ArchitectureSpec::typeName() const {
    struct Visitor {
        std::string_view operator()(const ServerlessConfig&) const { return "serverless"; }
        std::string_view operator()(const ContainerConfig&) const { return "container"; }
        std::string_view operator()(const VmConfig&) const { return "vm"; }
    };
    return std::visit(Visitor{}, config);
}

const PriceListInfo& ArchitectureSpec::priceListInfo() const {
    return std::visit([](const auto& c) -> const PriceListInfo& { return c.pricing.info; }, config);
}

} // namespace faaslab
