#pragma once

#include "models/format/number_format.h"
#include "models/results/scenario_results.h"

#include <string>
#include <vector>

namespace faaslab {

// One row of the comparison: a label ("Requests arrived", or "  timed out"
// for a detail of the row above) and one formatted cell per architecture,
// with +/- 95 % half-widths when there are replications. The command-line
// table and the GUI's overview cards both show exactly these rows.
struct ComparisonRow {
    std::string label;
    std::string metricKey; // the metric the row shows first ("" for "Type")
    std::vector<std::string> cells;
    bool operator==(const ComparisonRow&) const = default;
};
std::vector<ComparisonRow> comparisonRows(const ScenarioResults& results);

// The verdicts under the table (see ranking.h): "Cheapest: A ($12.00 per 30
// days)." or "Cheapest: not distinguishable at 95 % (A $12.00 ± $0.40, B
// $12.30 ± $0.50)."; the same for p99 ("Fastest at p99: ..."); and one line
// per architecture that is not ranked, saying why. Empty for fewer than two
// architectures.
std::vector<std::string> verdictLines(const ScenarioResults& results);
// Why architecture `index` is not ranked ("leaves 50.00 % of requests
// unserved (rejected, timed out or failed)"), or "" when it is ranked.
std::string notRankedReason(const ScenarioResults& results, std::size_t index);
// The marks of architecture `index` on its card, in this order: "cheapest"
// or "cost not distinguishable at 95 %", "fastest" or "p99 not
// distinguishable at 95 %", or "not ranked". None for a single architecture.
std::vector<std::string> architectureBadges(const ScenarioResults& results, std::size_t index);

// The side-by-side text table the command-line runner prints: a heading,
// one column per architecture and one line per comparison row, then the
// verdict lines.
std::string formatComparisonTable(const ScenarioResults& results);

// Rows of cells as aligned text columns: the first `leftColumns` columns
// left-aligned (names), the others right-aligned (numbers).
std::string formatTextGrid(const std::vector<std::vector<std::string>>& rows,
                           std::size_t leftColumns);

} // namespace faaslab
