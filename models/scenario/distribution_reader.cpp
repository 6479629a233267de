#include "models/scenario/distribution_reader.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace faaslab::reading {

std::optional<DistributionSpec> readDistribution(JsonObjectReader& parent, std::string_view key,
                                                 bool required) {
    JsonObjectReader r = parent.object(key, required);
    if (!r.valid()) {
        return std::nullopt;
    }
    const auto dist = r.requiredChoice(
        "dist", {"deterministic", "exponential", "uniform", "lognormal", "gamma", "empirical"});
    const std::map<std::string, std::string> owners = {
        {"value", "it belongs to dist \"deterministic\""},
        {"mean", "it belongs to dists \"exponential\", \"lognormal\" and \"gamma\""},
        {"cv", "it belongs to dists \"lognormal\" and \"gamma\""},
        {"min", "it belongs to dist \"uniform\""},
        {"max", "it belongs to dist \"uniform\""},
        {"samples", "it belongs to dist \"empirical\""},
    };
    if (!dist) {
        for (const auto& [k, note] : owners) {
            r.allow(k);
        }
        r.finish();
        return std::nullopt;
    }
    std::optional<DistributionSpec> spec;
    if (*dist == "deterministic") {
        if (auto v = r.requiredNumber("value", SampleRule)) {
            spec = DistributionSpec::deterministic(*v);
        }
    } else if (*dist == "exponential") {
        if (auto m = r.requiredNumber("mean", PositiveSample)) {
            spec = DistributionSpec::exponential(*m);
        }
    } else if (*dist == "uniform") {
        const auto lo = r.requiredNumber("min", SampleRule);
        const auto hi = r.requiredNumber("max", SampleRule);
        if (lo && hi) {
            if (*hi < *lo) {
                r.error("max", "must be at least min (" + formatNumber(*lo) + "), got " +
                                   formatNumber(*hi));
            } else {
                spec = DistributionSpec::uniform(*lo, *hi);
            }
        }
    } else if (*dist == "lognormal" || *dist == "gamma") {
        const auto m = r.requiredNumber("mean", PositiveSample);
        const auto cv = r.requiredNumber("cv", CvRule);
        if (m && cv) {
            spec = *dist == "lognormal" ? DistributionSpec::logNormal(*m, *cv)
                                        : DistributionSpec::gamma(*m, *cv);
        }
    } else if (*dist == "empirical") {
        const Json* samples = r.array("samples", true);
        if (samples != nullptr) {
            if (samples->empty()) {
                r.error("samples", "must list at least one observation");
            } else if (samples->size() > 1000000) {
                r.error("samples", "must list at most 1000000 observations, got " +
                                       std::to_string(samples->size()));
            } else {
                std::vector<double> values;
                values.reserve(samples->size());
                bool good = true;
                for (std::size_t i = 0; i < samples->size(); ++i) {
                    const Json& item = (*samples)[i];
                    const std::string path = indexPath(r.childPath("samples"), i);
                    if (!item.is_number()) {
                        r.diagnostics().error(path, "must be a number, got " +
                                                        JsonObjectReader::describe(item));
                        good = false;
                        continue;
                    }
                    const std::string problem = SampleRule.violation(item.get<double>());
                    if (!problem.empty()) {
                        r.diagnostics().error(path, problem + ", got " + item.dump());
                        good = false;
                        continue;
                    }
                    values.push_back(item.get<double>());
                }
                if (good) {
                    spec = DistributionSpec::empirical(std::move(values));
                }
            }
        }
    }
    r.finish(owners);
    return spec;
}

} // namespace faaslab::reading
