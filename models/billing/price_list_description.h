#pragma once

#include "models/billing/container_pricing.h"
#include "models/billing/serverless_pricing.h"
#include "models/billing/vm_pricing.h"

#include <string>

namespace faaslab {

// Plain-text descriptions of price lists: the rates, the rounding and
// minimum rules, the source and the date. The command line's `pricing show`
// and the GUI's pricing panel print the same text.
std::string describePriceListInfo(const std::string& id, const PriceListInfo& info);
std::string describeServerlessPricing(const std::string& id, const ServerlessPricing& pricing);
std::string describeContainerPricing(const std::string& id, const ContainerPricing& pricing);
std::string describeVmPricing(const std::string& id, const VmPricing& pricing);

} // namespace faaslab
