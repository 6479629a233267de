#include "models/format/key_unit.h"

namespace faaslab {

std::string keyUnit(std::string_view key) {
    // Longest suffix first: "_per_s" also ends with "_s".
    if (key.ends_with("_per_s")) {
        return "per s";
    }
    if (key.ends_with("_ms")) {
        return "ms";
    }
    if (key.ends_with("_s")) {
        return "s";
    }
    if (key.ends_with("_mb")) {
        return "MB";
    }
    if (key.ends_with("_gb")) {
        return "GB";
    }
    if (key.ends_with("_ghz")) {
        return "GHz";
    }
    if (key.ends_with("_percent")) {
        return "%";
    }
    if (key == "vcpu") {
        return "vCPU";
    }
    return {};
}

std::string_view lastKey(std::string_view path) {
    const std::size_t cut = path.find_last_of(".]");
    return cut == std::string_view::npos ? path : path.substr(cut + 1);
}

} // namespace faaslab
