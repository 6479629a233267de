#include "models/report/application_tables.h"

#include "models/application/part_statistics.h"
#include "models/report/comparison_table.h"

#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace faaslab {

namespace {

using Cell = std::function<std::string(const NamedMetrics&)>;

struct Column {
    std::string header;
    Cell cell;
};

Cell count(std::string_view key) {
    return [key](const NamedMetrics& p) {
        return formatCount(p.metrics.value(key));
    };
}

Cell seconds(std::string_view key) {
    return [key](const NamedMetrics& p) {
        return formatSeconds(p.metrics.value(key));
    };
}

// With its 95 % half-width when there are several replications.
Cell secondsWithCi(std::string_view key) {
    return [key](const NamedMetrics& p) {
        const std::string mean = formatSeconds(p.metrics.value(key));
        const auto ci = p.ci95.find(key);
        return ci ? mean + " ± " + formatSeconds(*ci) : mean;
    };
}

Cell decimal(std::string_view key) {
    return [key](const NamedMetrics& p) {
        char text[32];
        std::snprintf(text, sizeof text, "%.2f", p.metrics.value(key));
        return std::string(text);
    };
}

// Present only where the part has its own pool (serverless functions,
// per-function fleets) or, for cost, is allocated a share of a shared fleet.
Cell ownPool(std::string_view key, std::string (*format)(double)) {
    return [key, format](const NamedMetrics& p) {
        return p.metrics.contains(key) ? format(p.metrics.value(key)) : std::string("-");
    };
}

std::optional<ApplicationTable> table(const ScenarioResults& results, const std::string& title,
                                      const std::string& partHeader,
                                      const std::vector<NamedMetrics> ArchitectureResults::*parts,
                                      const std::vector<Column>& columns) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{partHeader, "Architecture"};
    for (const Column& c : columns) {
        header.push_back(c.header);
    }
    rows.push_back(header);
    const auto& archs = results.architectures;
    if (archs.empty() || (archs.front().*parts).empty()) {
        return std::nullopt;
    }
    for (std::size_t p = 0; p < (archs.front().*parts).size(); ++p) {
        for (const ArchitectureResults& a : archs) {
            const auto& list = a.*parts;
            if (p >= list.size()) {
                continue;
            }
            std::vector<std::string> row{list[p].name, a.name};
            for (const Column& c : columns) {
                row.push_back(c.cell(list[p]));
            }
            rows.push_back(std::move(row));
        }
    }
    return ApplicationTable{title, std::move(rows)};
}

} // namespace

std::vector<ApplicationTable> applicationTables(const ScenarioResults& results) {
    using namespace part_metric;
    const auto triggers = table(results, "Requests by trigger (end-to-end latency)", "Trigger",
                                &ArchitectureResults::triggers,
                                {{"Arrived", count(RequestsArrived)},
                                 {"Completed", count(RequestsCompleted)},
                                 {"Failed", count(RequestsFailed)},
                                 {"Rejected", count(RequestsRejected)},
                                 {"Mean", secondsWithCi(LatencyMean)},
                                 {"p50", seconds(LatencyP50)},
                                 {"p95", seconds(LatencyP95)},
                                 {"p99", seconds(LatencyP99)}});
    const auto functions = table(results, "Functions", "Function", &ArchitectureResults::functions,
                                 {{"Invocations", count(Invocations)},
                                  {"Cold starts", count(ColdStarts)},
                                  {"Throttles", count(Throttles)},
                                  {"Timeouts", count(TimedOut)},
                                  {"Retries", count(Retries)},
                                  {"Mean", secondsWithCi(LatencyMean)},
                                  {"p99", seconds(LatencyP99)},
                                  {"Instances", ownPool(
                                                    InstancesMean,
                                                    +[](double v) {
                                                        char text[32];
                                                        std::snprintf(text, sizeof text, "%.2f", v);
                                                        return std::string(text);
                                                    })},
                                  {"Cost", ownPool(CostTotal, formatMoney)}});
    const auto queues = table(results, "Queues", "Queue", &ArchitectureResults::queues,
                              {{"Sent", count(MessagesSent)},
                               {"Received", count(MessagesReceived)},
                               {"Batches", count(Batches)},
                               {"Batch size", decimal(BatchSizeMean)},
                               {"Wait mean", seconds(WaitMean)},
                               {"Backlog", decimal(BacklogMean)},
                               {"Dead letters", count(MessagesDeadLettered)}});
    std::vector<ApplicationTable> tables;
    for (const auto* t : {&triggers, &functions, &queues}) {
        if (*t) {
            tables.push_back(**t);
        }
    }
    return tables;
}

std::string formatApplicationTables(const ScenarioResults& results) {
    std::string out;
    for (const ApplicationTable& t : applicationTables(results)) {
        out += "\n" + t.title + "\n" + formatTextGrid(t.rows, 2);
    }
    return out;
}

} // namespace faaslab
