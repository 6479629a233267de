#pragma once

#include "models/results/scenario_results.h"

#include <string>
#include <vector>

namespace faaslab {

// The side-by-side text table the command-line runner prints: one column per
// architecture, one row per headline metric (with +/- 95 % half-widths when
// there are replications), and a closing line naming the cheapest and the
// fastest architecture.
std::string formatComparisonTable(const ScenarioResults& results);

// Rows of cells as aligned text columns: the first `leftColumns` columns
// left-aligned (names), the others right-aligned (numbers).
std::string formatTextGrid(const std::vector<std::vector<std::string>>& rows,
                           std::size_t leftColumns);

// Human formatting shared by the table and the GUI cards.
std::string formatSeconds(double seconds);  // "182.3 ms", "1.250 s", "2.5 min"
std::string formatMoney(double usd);        // "$1,234.56", "$0.000123"
std::string formatCount(double count);      // "1,234,567"
std::string formatPercent(double fraction); // "0.29 %"
std::string formatSpan(double seconds);     // "1 day", "6 h", "30 days"
std::string formatGbSeconds(double gbS);    // "188 GB-s", "0.0318 GB-s"

} // namespace faaslab
