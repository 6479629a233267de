#include "models/scenario/scenario.h"

namespace faaslab {

std::string_view ArchitectureSpec::typeName() const {
    struct Visitor {
        std::string_view operator()(const ServerlessConfig&) const { return "serverless"; }
    };
    return std::visit(Visitor{}, config);
}

} // namespace faaslab
