#pragma once

#include <string>

namespace faaslab {

// Where a price list comes from; every kind of price list carries one, and
// the results cite it.
struct PriceListInfo {
    std::string presetId; // empty for inline prices
    std::string provider;
    std::string product;
    std::string region;
    std::string currency = "USD";
    std::string sourceUrl;
    std::string asOf; // YYYY-MM-DD the rates were checked
    std::string notes;
    bool operator==(const PriceListInfo&) const = default;
};

} // namespace faaslab
