#include "models/report/sweep_writer.h"

#include "models/format/number_format.h"
#include "models/report/comparison_table.h"
#include "models/report/results_writer.h"
#include "models/results/metric_keys.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace faaslab {

using Json = nlohmann::ordered_json;

namespace {

// Six significant digits: enough to read a table, not a dump of the double.
std::string display(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string shortName(const std::string& parameter) {
    const std::size_t dot = parameter.find_last_of('.');
    return dot == std::string::npos ? parameter : parameter.substr(dot + 1);
}

} // namespace

Json sweepToJson(const SweepResults& sweep) {
    Json j;
    j["format"] = SweepFormat;
    j["scenario"] = sweep.scenarioName;
    j["parameter"] = sweep.parameter;
    j["seed"] = sweep.seed;
    j["replications"] = sweep.replications;
    j["architectures"] = sweep.architectureNames;
    Json points = Json::array();
    for (const SweepPoint& p : sweep.points) {
        Json point;
        point["value"] = p.value;
        // A winner is named only where the replications separate it from
        // the next; the lowest mean is always there (break-even points are
        // located on it).
        const RankingVerdict verdict = cheapestVerdictAt(p);
        if (verdict.decided()) {
            point["cheapest"] = p.cheapest;
        } else {
            point["cheapest"] = nullptr;
            Json tied = Json::array();
            for (const std::size_t i : verdict.indistinguishable) {
                tied.push_back(p.architectures[i].name);
            }
            point["not_distinguishable"] = tied;
        }
        point["lowest_mean_cost"] = p.cheapest;
        Json archs = Json::array();
        for (const ArchitectureResults& a : p.architectures) {
            Json arch;
            arch["name"] = a.name;
            arch["type"] = a.type;
            addMetricsToJson(arch, a.mean);
            if (!a.ci95.empty()) {
                arch["ci95"] = metricsToJson(a.ci95);
            }
            archs.push_back(arch);
        }
        point["architectures"] = archs;
        points.push_back(point);
    }
    j["points"] = points;
    Json breakEvens = Json::array();
    for (const BreakEven& b : sweep.breakEvens) {
        breakEvens.push_back(Json{{"value", b.value},
                                  {"lower", b.lower},
                                  {"upper", b.upper},
                                  {"cheaper_below", b.cheaperBelow},
                                  {"cheaper_above", b.cheaperAbove}});
    }
    j["break_even"] = breakEvens;
    return j;
}

std::string sweepCsv(const SweepResults& sweep) {
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const SweepPoint& p : sweep.points) {
        for (const ArchitectureResults& a : p.architectures) {
            for (const MetricValues::Entry& e : a.mean.entries()) {
                if (seen.insert(e.key).second) {
                    keys.push_back(e.key);
                }
            }
        }
    }
    std::string out = csvComments({{"scenario", sweep.scenarioName},
                                   {"parameter", sweep.parameter},
                                   {"seed", std::to_string(sweep.seed)},
                                   {"replications", std::to_string(sweep.replications)}}) +
                      csvField(sweep.parameter) + ",architecture,type,cheapest";
    for (const std::string& k : keys) {
        out += ',' + csvField(k);
    }
    out += '\n';
    for (const SweepPoint& p : sweep.points) {
        const RankingVerdict verdict = cheapestVerdictAt(p);
        for (std::size_t i = 0; i < p.architectures.size(); ++i) {
            const ArchitectureResults& a = p.architectures[i];
            const bool tied =
                std::find(verdict.indistinguishable.begin(), verdict.indistinguishable.end(), i) !=
                verdict.indistinguishable.end();
            out += formatNumber(p.value) + ',' + csvField(a.name) + ',' + csvField(a.type) + ',' +
                   (verdict.names(i) ? "yes"
                    : tied           ? "indistinguishable"
                                     : "no");
            for (const std::string& k : keys) {
                const auto v = a.mean.find(k);
                out += ',' + (v ? formatNumber(*v) : std::string());
            }
            out += '\n';
        }
    }
    return out;
}

std::string formatSweepTable(const SweepResults& sweep) {
    const std::string param = shortName(sweep.parameter);
    std::vector<std::string> header{param};
    for (const std::string& name : sweep.architectureNames) {
        header.push_back(name + " $/30 days");
        header.push_back("p99");
    }
    header.push_back("cheapest");
    std::vector<std::vector<std::string>> rows;
    bool anyPartial = false;
    for (const SweepPoint& p : sweep.points) {
        std::vector<std::string> row{display(p.value)};
        for (const ArchitectureResults& a : p.architectures) {
            // A cost is only comparable if the architecture served the load.
            const bool partial = !servesWholeLoad(a);
            anyPartial = anyPartial || partial;
            row.push_back(formatMoney(a.mean.value(metric::CostMonthly)) + (partial ? "*" : ""));
            row.push_back(formatSeconds(a.mean.value(metric::LatencyP99)));
        }
        // Where the replications cannot separate the cheapest from the next,
        // no winner is named (the break-even points still follow the means).
        row.push_back(cheapestVerdictAt(p).decided() ? p.cheapest
                                                     : std::string(NotDistinguishable));
        rows.push_back(row);
    }
    std::vector<std::size_t> widths(header.size(), 0);
    auto width = [](const std::string& s) {
        std::size_t w = 0;
        for (unsigned char c : s) {
            w += (c & 0xC0) != 0x80 ? 1 : 0;
        }
        return w;
    };
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = width(header[c]);
        for (const auto& row : rows) {
            widths[c] = std::max(widths[c], width(row[c]));
        }
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(widths[c] - width(cells[c]), ' ');
            const bool left = c + 1 == cells.size();
            text += (c == 0 ? "" : "   ") + (left ? cells[c] + pad : pad + cells[c]);
        }
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
        }
        return text + "\n";
    };
    std::string out = "Sweep of " + sweep.parameter + " over " +
                      std::to_string(sweep.points.size()) +
                      " values (scenario: " + sweep.scenarioName + ", seed " +
                      std::to_string(sweep.seed) + ", " + std::to_string(sweep.replications) +
                      (sweep.replications == 1 ? " replication" : " replications") + ")\n\n";
    out += line(header);
    for (const auto& row : rows) {
        out += line(row);
    }
    if (anyPartial) {
        out += "* leaves more than 1 % of the requests unserved (rejected, timed out or failed): "
               "the cost is not for the whole load\n";
    }
    out += "\n";
    if (sweep.breakEvens.empty()) {
        out += "No break-even point: the cheapest architecture is the same at every value.\n";
    } else {
        out += "Break-even points (cheapest by 30-day cost, located to 1 %):\n";
        for (const BreakEven& b : sweep.breakEvens) {
            out += "  " + param + " = " + display(b.value) + " (between " + display(b.lower) +
                   " and " + display(b.upper) + "): " + b.cheaperBelow + " is cheapest below, " +
                   b.cheaperAbove + " above\n";
        }
    }
    return out;
}

} // namespace faaslab
