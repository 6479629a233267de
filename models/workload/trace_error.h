#pragma once

#include <string>

namespace faaslab {

// Where a trace file breaks a rule. Line and column are 1-based.
struct TraceError {
    int line = 0;
    int column = 0;
    std::string message;
};

} // namespace faaslab
