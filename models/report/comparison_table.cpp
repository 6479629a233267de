#include "models/report/comparison_table.h"

#include "models/results/metric_keys.h"
#include "models/results/ranking.h"
#include "simulator/latency_histogram.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace faaslab {

namespace {

// UTF-8 aware display width ("±", "µ" are one column).
std::size_t displayWidth(const std::string& text) {
    std::size_t width = 0;
    for (unsigned char c : text) {
        width += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return width;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
    const std::size_t w = displayWidth(text);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + text : text + fill;
}

} // namespace

namespace {

double mean(const ArchitectureResults& a, std::string_view key) {
    return a.mean.value(key);
}

// "value" or "value ± half-width" when the architecture has replications.
std::string withCi(const ArchitectureResults& a, std::string_view key,
                   const std::function<std::string(double)>& format) {
    std::string text = format(mean(a, key));
    if (const auto ci = a.ci95.find(key)) {
        text += " ± " + format(*ci);
    }
    return text;
}

std::string countWithShare(const ArchitectureResults& a, std::string_view countKey,
                           std::string_view shareKey) {
    return formatCount(mean(a, countKey)) + " (" + withCi(a, shareKey, formatPercent) + ")";
}

} // namespace

std::string formatTextGrid(const std::vector<std::vector<std::string>>& rows,
                           std::size_t leftColumns) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], displayWidth(row[c]));
        }
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += (c == 0 ? "" : "   ") + pad(row[c], widths[c], c >= leftColumns);
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + '\n';
    }
    return out;
}

std::vector<ComparisonRow> comparisonRows(const ScenarioResults& results) {
    using namespace metric;
    const auto& archs = results.architectures;
    const std::string window = formatSpan(results.durationS - results.warmupS);

    std::vector<ComparisonRow> rows;
    auto add = [&](std::string label, std::string_view key,
                   const std::function<std::string(const ArchitectureResults&)>& cell) {
        ComparisonRow row{std::move(label), std::string(key), {}};
        for (const ArchitectureResults& a : archs) {
            row.cells.push_back(cell(a));
        }
        rows.push_back(std::move(row));
    };
    auto plain = [&](std::string label, std::string_view key, std::string (*format)(double)) {
        add(std::move(label), key,
            [key, format](const ArchitectureResults& a) { return withCi(a, key, format); });
    };
    add("Type", "", [](const ArchitectureResults& a) { return a.type; });
    plain("Requests arrived", Arrived, formatCount);
    plain("  completed", Completed, formatCount);
    add("  rejected", RejectionProbability, [](const ArchitectureResults& a) {
        return countWithShare(a, Rejected, RejectionProbability);
    });
    // An application's request (trigger event) that fails for good after
    // its retries is counted here too (see model-semantics.md).
    const bool application =
        std::any_of(archs.begin(), archs.end(), [](const auto& a) { return !a.triggers.empty(); });
    add(application ? "  timed out or failed" : "  timed out", TimeoutProbability,
        [](const ArchitectureResults& a) {
            return countWithShare(a, TimedOut, TimeoutProbability);
        });
    add("  cold starts", ColdStartProbability, [](const ArchitectureResults& a) {
        return countWithShare(a, ColdStarts, ColdStartProbability);
    });
    plain("Latency mean", LatencyMean, formatSeconds);
    plain("  p50", LatencyP50, formatSeconds);
    plain("  p95", LatencyP95, formatSeconds);
    plain("  p99", LatencyP99, formatSeconds);
    plain("  max", LatencyMax, formatSeconds);
    add("  queued (waited)", WaitMean, [](const ArchitectureResults& a) {
        return withCi(a, WaitMean, formatSeconds) + " (" +
               withCi(a, WaitProbability, formatPercent) + ")";
    });
    add("Instances mean (max)", InstancesMean, [](const ArchitectureResults& a) {
        return withCi(a, InstancesMean, [](double v) { return formatFixed2(v); }) + " (" +
               formatCount(mean(a, InstancesMax)) + ")";
    });
    add("  busy / idle", InstancesBusyMean, [](const ArchitectureResults& a) {
        return formatFixed2(mean(a, InstancesBusyMean)) + " / " +
               formatFixed2(mean(a, InstancesIdleMean));
    });
    plain(
        "Queue length mean", QueueLengthMean, +[](double v) { return formatFixed2(v); });
    plain("Utilization", Utilization, formatPercent);
    add("Idle memory per request", IdleMemoryGbSPerRequest, [](const ArchitectureResults& a) {
        if (!a.mean.contains(IdleMemoryGbSPerRequest)) {
            return std::string("-");
        }
        return withCi(a, IdleMemoryGbSPerRequest, formatGbSeconds);
    });
    plain("Cost, " + window, CostTotal, formatMoney);

    // Breakdown rows: the union of components, in first-seen order.
    std::vector<std::string> components;
    for (const ArchitectureResults& a : archs) {
        for (const MetricValues::Entry& e : a.mean.entries()) {
            if (e.key.starts_with(CostBreakdownPrefix)) {
                const std::string name = e.key.substr(CostBreakdownPrefix.size());
                if (std::find(components.begin(), components.end(), name) == components.end()) {
                    components.push_back(name);
                }
            }
        }
    }
    for (const std::string& component : components) {
        const std::string key = std::string(CostBreakdownPrefix) + component;
        add("  " + component, key, [key](const ArchitectureResults& a) {
            return a.mean.contains(key) ? formatMoney(a.mean.value(key)) : std::string("-");
        });
    }
    plain("Cost per 1M requests", CostPerMillion, formatMoney);
    plain("Cost per 30 days", CostMonthly, formatMoney);
    return rows;
}

namespace {

// "A, B and C"
std::string namesOf(const ScenarioResults& results, const std::vector<std::size_t>& indices) {
    std::string names;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        names += (i == 0                    ? ""
                  : i + 1 == indices.size() ? " and "
                                            : ", ") +
                 results.architectures[indices[i]].name;
    }
    return names;
}

// "A $12.00 ± $0.40, B $12.30 ± $0.50"
std::string intervalsOf(const ScenarioResults& results, const std::vector<std::size_t>& indices,
                        std::string_view key, std::string (*format)(double)) {
    std::string out;
    for (const std::size_t i : indices) {
        out += (out.empty() ? "" : ", ") + results.architectures[i].name + " " +
               withCi(results.architectures[i], key, format);
    }
    return out;
}

} // namespace

std::string notRankedReason(const ScenarioResults& results, std::size_t index) {
    const std::vector<std::size_t> ranked = rankedArchitectures(results);
    if (std::find(ranked.begin(), ranked.end(), index) != ranked.end()) {
        return {};
    }
    return "leaves " + formatPercent(unservedShare(results.architectures[index])) +
           " of requests unserved (rejected, timed out or failed)";
}

std::vector<std::string> verdictLines(const ScenarioResults& results) {
    using namespace metric;
    const auto& archs = results.architectures;
    std::vector<std::string> lines;
    if (archs.size() < 2) {
        return lines;
    }
    const RankingVerdict cheapest = cheapestVerdict(results);
    std::string line = "Cheapest: ";
    if (cheapest.decided()) {
        const ArchitectureResults& a = archs[cheapest.best.front()];
        line += a.name + " (" + formatMoney(mean(a, CostMonthly)) + " per 30 days).";
    } else {
        line += std::string(NotDistinguishable) + " (" +
                intervalsOf(results, cheapest.indistinguishable, CostMonthly, formatMoney) +
                " per 30 days).";
    }
    const RankingVerdict fastest = fastestVerdict(results);
    line += " Fastest at p99: ";
    if (fastest.decided()) {
        double bestP99 = mean(archs[fastest.best.front()], LatencyP99);
        for (const std::size_t i : fastest.best) {
            bestP99 = std::min(bestP99, mean(archs[i], LatencyP99));
        }
        line += namesOf(results, fastest.best) + " (" + formatSeconds(bestP99) +
                (fastest.best.size() > 1 ? ", tied" : "") + ").";
    } else {
        line += std::string(NotDistinguishable) + " (" +
                intervalsOf(results, fastest.indistinguishable, LatencyP99, formatSeconds) + ").";
    }
    lines.push_back(line);
    for (std::size_t i = 0; i < archs.size(); ++i) {
        const std::string reason = notRankedReason(results, i);
        if (!reason.empty()) {
            lines.push_back("Not ranked: " + archs[i].name + " " + reason + ".");
        }
    }
    return lines;
}

std::vector<std::string> architectureBadges(const ScenarioResults& results, std::size_t index) {
    std::vector<std::string> badges;
    if (results.architectures.size() < 2) {
        return badges;
    }
    if (!notRankedReason(results, index).empty()) {
        badges.emplace_back("not ranked");
        return badges;
    }
    auto contains = [index](const std::vector<std::size_t>& v) {
        return std::find(v.begin(), v.end(), index) != v.end();
    };
    const RankingVerdict cheapest = cheapestVerdict(results);
    if (cheapest.names(index)) {
        badges.emplace_back("cheapest");
    } else if (contains(cheapest.indistinguishable)) {
        badges.push_back("cost " + std::string(NotDistinguishable));
    }
    const RankingVerdict fastest = fastestVerdict(results);
    if (fastest.names(index)) {
        badges.emplace_back("fastest");
    } else if (contains(fastest.indistinguishable)) {
        badges.push_back("p99 " + std::string(NotDistinguishable));
    }
    return badges;
}

std::string formatComparisonTable(const ScenarioResults& results) {
    const auto& archs = results.architectures;
    const std::string window = formatSpan(results.durationS - results.warmupS);
    const std::vector<ComparisonRow> rows = comparisonRows(results);

    // Layout: label column, then one right-aligned column per architecture.
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> header{""};
    for (const ArchitectureResults& a : archs) {
        header.push_back(a.name);
    }
    grid.push_back(std::move(header));
    for (const ComparisonRow& row : rows) {
        std::vector<std::string> line{row.label};
        line.insert(line.end(), row.cells.begin(), row.cells.end());
        grid.push_back(std::move(line));
    }

    std::string out;
    out += "Scenario: " + results.scenarioName + "\n";
    out += "Simulated " + window +
           (results.warmupS > 0.0 ? " (after " + formatSpan(results.warmupS) + " warm-up)" : "") +
           ", seed " + std::to_string(results.seed) + ", " + std::to_string(results.replications) +
           (results.replications == 1 ? " replication" : " replications (± 95 % CI)") + "\n\n";
    out += formatTextGrid(grid, 1);
    const std::vector<std::string> verdicts = verdictLines(results);
    if (!verdicts.empty()) {
        out += "\n";
        for (const std::string& line : verdicts) {
            out += line + "\n";
        }
    }
    return out;
}

} // namespace faaslab
