#pragma once

#include "models/results/scenario_results.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace faaslab {

struct ResultsJsonOptions {
    bool includeTimeSeries = true;
    bool includeLatencyCdf = true;
};

// The results file ("faaslab.results/1", see docs/results-format.md). Output
// is byte-for-byte deterministic: fixed key order, shortest round-trip
// number formatting, no timestamps.
nlohmann::ordered_json resultsToJson(const ScenarioResults& results,
                                     const ResultsJsonOptions& options = {});
std::string resultsToJsonText(const ScenarioResults& results,
                              const ResultsJsonOptions& options = {});

// One row per architecture: name, type, then every metric (dotted keys as
// column names), then ci95.<metric> columns when there are replications.
// Like every CSV file FaaS Lab writes, it opens with comment lines saying
// what was computed (csvComments).
std::string resultsSummaryCsv(const ScenarioResults& results);

// Tidy time series: one row per architecture and bin.
std::string resultsTimeSeriesCsv(const ScenarioResults& results);

// Lines "# key: value" that open a CSV file ahead of its header row, so a
// file passed around on its own says which scenario, seed and program
// computed it; pandas (comment='#') and R (comment.char='#') skip them.
// Only what the results hold goes in, no clock time: the same run gives
// the same bytes.
std::string csvComments(const std::vector<std::pair<std::string, std::string>>& entries);

// Metrics as nested JSON: "latency_s.p99" becomes {"latency_s": {"p99": ...}}.
nlohmann::ordered_json metricsToJson(const MetricValues& metrics);
// Adds them to an existing object.
void addMetricsToJson(nlohmann::ordered_json& object, const MetricValues& metrics);

// RFC 4180 field quoting.
std::string csvField(const std::string& text);

} // namespace faaslab
