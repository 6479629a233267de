#include "models/results/comparison_table.h"

#include "models/results/metric_keys.h"
#include "models/results/ranking.h"
#include "simulator/latency_histogram.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace faaslab {

namespace {

std::string printf1(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string groupThousands(const std::string& digits) {
    // digits: optional '-' then integer part, then optional fraction.
    const std::size_t dot = digits.find('.');
    std::string integer = digits.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
    const bool negative = !integer.empty() && integer[0] == '-';
    if (negative) {
        integer.erase(0, 1);
    }
    std::string grouped;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += integer[i];
    }
    return (negative ? "-" : "") + grouped + fraction;
}

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

std::string formatSeconds(double s) {
    if (!std::isfinite(s)) {
        return "-";
    }
    const double a = std::fabs(s);
    if (a == 0.0) {
        return "0 s";
    }
    if (a < 1e-3) {
        return printf1("%.1f µs", s * 1e6);
    }
    if (a < 1.0) {
        return printf1("%.1f ms", s * 1e3);
    }
    if (a < 120.0) {
        return printf1("%.3f s", s);
    }
    if (a < 7200.0) {
        return printf1("%.1f min", s / 60.0);
    }
    return printf1("%.1f h", s / 3600.0);
}

std::string formatMoney(double usd) {
    if (!std::isfinite(usd)) {
        return "-";
    }
    const double a = std::fabs(usd);
    if (a == 0.0) {
        return "$0.00";
    }
    if (a < 0.01) {
        return "$" + printf1("%.3g", usd);
    }
    return "$" + groupThousands(printf1("%.2f", usd));
}

std::string formatCount(double count) {
    if (!std::isfinite(count)) {
        return "-";
    }
    if (count == std::floor(count) && std::fabs(count) < 1e15) {
        return groupThousands(printf1("%.0f", count));
    }
    return groupThousands(printf1("%.1f", count));
}

std::string formatPercent(double fraction) {
    if (!std::isfinite(fraction)) {
        return "-";
    }
    if (fraction != 0.0 && std::fabs(fraction) < 0.0001) {
        return printf1("%.2g %%", fraction * 100.0);
    }
    return printf1("%.2f %%", fraction * 100.0);
}

std::string formatGbSeconds(double gbS) {
    if (!std::isfinite(gbS)) {
        return "-";
    }
    return printf1("%.3g GB-s", gbS);
}

std::string formatSpan(double seconds) {
    auto plural = [](double v, const char* unit) {
        const std::string number = v == std::floor(v) ? printf1("%.0f", v) : printf1("%.2g", v);
        return number + " " + unit + (v == 1.0 ? "" : "s");
    };
    if (seconds >= 86400.0 && std::fmod(seconds, 86400.0) == 0.0) {
        return plural(seconds / 86400.0, "day");
    }
    if (seconds >= 3600.0 && std::fmod(seconds, 3600.0) == 0.0) {
        return plural(seconds / 3600.0, "hour");
    }
    if (seconds >= 60.0 && std::fmod(seconds, 60.0) == 0.0) {
        return plural(seconds / 60.0, "minute");
    }
    return plural(seconds, "second");
}

namespace {

struct Row {
    std::string label;
    std::function<std::string(const ArchitectureResults&)> cell;
};

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

std::string formatComparisonTable(const ScenarioResults& results) {
    using namespace metric;
    const auto& archs = results.architectures;
    const std::string window = formatSpan(results.durationS - results.warmupS);

    std::vector<Row> rows;
    auto plain = [&](std::string label, std::string_view key, std::string (*format)(double)) {
        rows.push_back({std::move(label), [key, format](const ArchitectureResults& a) {
                            return withCi(a, key, format);
                        }});
    };
    rows.push_back({"Type", [](const ArchitectureResults& a) {
                        return a.type;
                    }});
    plain("Requests arrived", Arrived, formatCount);
    plain("  completed", Completed, formatCount);
    rows.push_back({"  rejected", [](const ArchitectureResults& a) {
                        return countWithShare(a, Rejected, RejectionProbability);
                    }});
    rows.push_back({"  timed out", [](const ArchitectureResults& a) {
                        return countWithShare(a, TimedOut, TimeoutProbability);
                    }});
    rows.push_back({"  cold starts", [](const ArchitectureResults& a) {
                        return countWithShare(a, ColdStarts, ColdStartProbability);
                    }});
    plain("Latency mean", LatencyMean, formatSeconds);
    plain("  p50", LatencyP50, formatSeconds);
    plain("  p95", LatencyP95, formatSeconds);
    plain("  p99", LatencyP99, formatSeconds);
    plain("  max", LatencyMax, formatSeconds);
    rows.push_back({"  queued (waited)", [](const ArchitectureResults& a) {
                        return withCi(a, WaitMean, formatSeconds) + " (" +
                               withCi(a, WaitProbability, formatPercent) + ")";
                    }});
    rows.push_back({"Instances mean (max)", [](const ArchitectureResults& a) {
                        return withCi(a, InstancesMean,
                                      [](double v) { return printf1("%.2f", v); }) +
                               " (" + formatCount(mean(a, InstancesMax)) + ")";
                    }});
    rows.push_back({"  busy / idle", [](const ArchitectureResults& a) {
                        return printf1("%.2f", mean(a, InstancesBusyMean)) + " / " +
                               printf1("%.2f", mean(a, InstancesIdleMean));
                    }});
    plain(
        "Queue length mean", QueueLengthMean, +[](double v) { return printf1("%.2f", v); });
    plain("Utilization", Utilization, formatPercent);
    rows.push_back({"Idle memory per request", [](const ArchitectureResults& a) {
                        if (!a.mean.contains(IdleMemoryGbSPerRequest)) {
                            return std::string("-");
                        }
                        return withCi(a, IdleMemoryGbSPerRequest, formatGbSeconds);
                    }});
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
        rows.push_back({"  " + component, [key](const ArchitectureResults& a) {
                            return a.mean.contains(key) ? formatMoney(a.mean.value(key))
                                                        : std::string("-");
                        }});
    }
    plain("Cost per 1M requests", CostPerMillion, formatMoney);
    plain("Cost per 30 days", CostMonthly, formatMoney);

    // Layout: label column, then one right-aligned column per architecture.
    std::size_t labelWidth = 0;
    for (const Row& row : rows) {
        labelWidth = std::max(labelWidth, displayWidth(row.label));
    }
    std::vector<std::vector<std::string>> cells(archs.size());
    std::vector<std::size_t> widths(archs.size());
    for (std::size_t c = 0; c < archs.size(); ++c) {
        widths[c] = displayWidth(archs[c].name);
        for (const Row& row : rows) {
            cells[c].push_back(row.cell(archs[c]));
            widths[c] = std::max(widths[c], displayWidth(cells[c].back()));
        }
    }

    std::string out;
    out += "Scenario: " + results.scenarioName + "\n";
    out += "Simulated " + window +
           (results.warmupS > 0.0 ? " (after " + formatSpan(results.warmupS) + " warm-up)" : "") +
           ", seed " + std::to_string(results.seed) + ", " + std::to_string(results.replications) +
           (results.replications == 1 ? " replication" : " replications (± 95 % CI)") + "\n\n";
    out += pad("", labelWidth, false);
    for (std::size_t c = 0; c < archs.size(); ++c) {
        out += "   " + pad(archs[c].name, widths[c], true);
    }
    out += '\n';
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += pad(rows[r].label, labelWidth, false);
        for (std::size_t c = 0; c < archs.size(); ++c) {
            out += "   " + pad(cells[c][r], widths[c], true);
        }
        out += '\n';
    }

    if (archs.size() > 1) {
        const ArchitectureResults& cheapest = archs[cheapestArchitecture(results)];
        const std::vector<std::size_t> fastestIndices = fastestArchitectures(results);
        std::vector<std::string> fastest;
        double bestP99 = mean(archs[fastestIndices.front()], LatencyP99);
        for (const std::size_t i : fastestIndices) {
            fastest.push_back(archs[i].name);
            bestP99 = std::min(bestP99, mean(archs[i], LatencyP99));
        }
        std::string names;
        for (std::size_t i = 0; i < fastest.size(); ++i) {
            names += (i == 0 ? "" : i + 1 == fastest.size() ? " and " : ", ") + fastest[i];
        }
        out += "\nCheapest: " + cheapest.name + " (" + formatMoney(mean(cheapest, CostMonthly)) +
               " per 30 days). Fastest at p99: " + names + " (" + formatSeconds(bestP99) +
               (fastest.size() > 1 ? ", tied" : "") + ").\n";
        const std::vector<std::size_t> ranked = rankedArchitectures(results);
        for (std::size_t i = 0; i < archs.size(); ++i) {
            if (std::find(ranked.begin(), ranked.end(), i) == ranked.end()) {
                out += "Not ranked: " + archs[i].name + " leaves " +
                       formatPercent(unservedShare(archs[i])) +
                       " of requests unserved (rejected, timed out or failed).\n";
            }
        }
    }
    return out;
}

} // namespace faaslab
