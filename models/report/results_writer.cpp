#include "models/report/results_writer.h"

#include "models/format/number_format.h"

#include <cmath>
#include <set>

namespace faaslab {

using Json = nlohmann::ordered_json;

namespace {

// Places `value` at the dotted `key` inside `object`.
void setPath(Json& object, const std::string& key, double value) {
    Json* node = &object;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = key.find('.', start);
        const std::string part = key.substr(start, dot == std::string::npos ? dot : dot - start);
        if (dot == std::string::npos) {
            (*node)[part] = value;
            return;
        }
        node = &(*node)[part];
        start = dot + 1;
    }
}

} // namespace

void addMetricsToJson(Json& object, const MetricValues& metrics) {
    for (const MetricValues::Entry& e : metrics.entries()) {
        setPath(object, e.key, e.value);
    }
}

Json metricsToJson(const MetricValues& metrics) {
    Json object = Json::object();
    addMetricsToJson(object, metrics);
    return object;
}

namespace {

Json numberOrNull(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json architectureToJson(const ArchitectureResults& a, const ResultsJsonOptions& options) {
    Json j;
    j["name"] = a.name;
    j["type"] = a.type;
    j["replications"] = a.replications;
    if (!a.pricing.presetId.empty() || !a.pricing.sourceUrl.empty()) {
        Json pricing;
        pricing["preset"] = a.pricing.presetId;
        pricing["provider"] = a.pricing.provider;
        pricing["product"] = a.pricing.product;
        pricing["source_url"] = a.pricing.sourceUrl;
        pricing["as_of"] = a.pricing.asOf;
        j["pricing"] = pricing;
    }
    addMetricsToJson(j, a.mean);
    if (!a.ci95.empty()) {
        j["ci95"] = metricsToJson(a.ci95);
    }
    // Applications: one entry per function, trigger and queue.
    const std::pair<const char*, const std::vector<NamedMetrics>*> parts[] = {
        {"functions", &a.functions}, {"triggers", &a.triggers}, {"queues", &a.queues}};
    for (const auto& [key, list] : parts) {
        if (list->empty()) {
            continue;
        }
        Json items = Json::array();
        for (const NamedMetrics& part : *list) {
            Json item;
            item["name"] = part.name;
            addMetricsToJson(item, part.metrics);
            if (!part.ci95.empty()) {
                item["ci95"] = metricsToJson(part.ci95);
            }
            items.push_back(item);
        }
        j[key] = items;
    }
    if (options.includeLatencyCdf) {
        Json cdf = Json::array();
        for (const auto& [x, f] : a.latencyCdf) {
            cdf.push_back(Json::array({x, f}));
        }
        j["latency_cdf"] = cdf;
    }
    if (options.includeTimeSeries) {
        Json ts;
        ts["start_s"] = a.series.startS;
        ts["end_s"] = a.series.endS;
        ts["bin_s"] = a.series.binS;
        Json columns = Json::object();
        for (std::size_t c = 0; c < a.series.columns.size(); ++c) {
            Json values = Json::array();
            for (double v : a.series.values[c]) {
                values.push_back(numberOrNull(v));
            }
            columns[a.series.columns[c]] = values;
        }
        ts["columns"] = columns;
        j["timeseries"] = ts;
    }
    return j;
}

} // namespace

Json resultsToJson(const ScenarioResults& results, const ResultsJsonOptions& options) {
    Json j;
    j["format"] = ResultsFormat;
    j["software_version"] = results.softwareVersion;
    j["scenario"] = results.scenarioName;
    j["seed"] = results.seed;
    j["replications"] = results.replications;
    j["duration_s"] = results.durationS;
    j["warmup_s"] = results.warmupS;
    Json architectures = Json::array();
    for (const ArchitectureResults& a : results.architectures) {
        architectures.push_back(architectureToJson(a, options));
    }
    j["architectures"] = architectures;
    return j;
}

std::string resultsToJsonText(const ScenarioResults& results, const ResultsJsonOptions& options) {
    return resultsToJson(results, options).dump(2) + "\n";
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    return quoted + '"';
}

std::string csvComments(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out;
    for (const auto& [key, value] : entries) {
        std::string line = value;
        // One line each: a name with a line break would end the comment.
        for (char& c : line) {
            c = (c == '\n' || c == '\r') ? ' ' : c;
        }
        out += "# " + key + ": " + line + '\n';
    }
    return out;
}

namespace {

std::string csvNumber(double value) {
    return std::isfinite(value) ? formatNumber(value) : "";
}

std::string resultsCsvComments(const ScenarioResults& results) {
    return csvComments(
        {{"scenario", results.scenarioName},
         {"software", results.softwareVersion.empty() ? std::string("FaaS Lab")
                                                      : "FaaS Lab " + results.softwareVersion},
         {"seed", std::to_string(results.seed)},
         {"replications", std::to_string(results.replications)},
         {"duration_s", formatNumber(results.durationS)},
         {"warmup_s", formatNumber(results.warmupS)}});
}

} // namespace

std::string resultsSummaryCsv(const ScenarioResults& results) {
    // Columns: the union of every architecture's metrics, in first-seen
    // order (breakdown components differ between platform types).
    std::vector<std::string> keys;
    std::set<std::string> seen;
    bool withCi = false;
    for (const ArchitectureResults& a : results.architectures) {
        for (const MetricValues::Entry& e : a.mean.entries()) {
            if (seen.insert(e.key).second) {
                keys.push_back(e.key);
            }
        }
        withCi = withCi || !a.ci95.empty();
    }
    std::string out = resultsCsvComments(results) + "architecture,type,replications";
    for (const std::string& k : keys) {
        out += ',' + csvField(k);
    }
    if (withCi) {
        for (const std::string& k : keys) {
            out += ",ci95." + csvField(k);
        }
    }
    out += '\n';
    for (const ArchitectureResults& a : results.architectures) {
        out += csvField(a.name) + ',' + csvField(a.type) + ',' + std::to_string(a.replications);
        for (const std::string& k : keys) {
            const auto v = a.mean.find(k);
            out += ',' + (v ? csvNumber(*v) : std::string());
        }
        if (withCi) {
            for (const std::string& k : keys) {
                const auto v = a.ci95.find(k);
                out += ',' + (v ? csvNumber(*v) : std::string());
            }
        }
        out += '\n';
    }
    return out;
}

std::string resultsTimeSeriesCsv(const ScenarioResults& results) {
    std::string out;
    if (results.architectures.empty()) {
        return out;
    }
    const TimeSeries& layout = results.architectures.front().series;
    out = resultsCsvComments(results) + "architecture,bin_start_s,bin_end_s";
    for (const std::string& c : layout.columns) {
        out += ',' + csvField(c);
    }
    out += '\n';
    for (const ArchitectureResults& a : results.architectures) {
        const TimeSeries& s = a.series;
        for (std::size_t b = 0; b < s.binCount(); ++b) {
            const double start = s.startS + static_cast<double>(b) * s.binS;
            const double end = std::min(s.endS, start + s.binS);
            out += csvField(a.name) + ',' + csvNumber(start) + ',' + csvNumber(end);
            for (std::size_t c = 0; c < s.values.size(); ++c) {
                out += ',' + csvNumber(s.values[c][b]);
            }
            out += '\n';
        }
    }
    return out;
}

} // namespace faaslab
