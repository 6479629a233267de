#include "tests/support/test_scenarios.h"

#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>

#ifndef FAASLAB_SOURCE_DIR
#error "FAASLAB_SOURCE_DIR must be defined"
#endif

namespace faaslab::test {

Scenario scenarioFromJson(const std::string& json) {
    ScenarioReadResult result = ScenarioReader().readText(json);
    if (!result.ok()) {
        throw std::runtime_error("test scenario is invalid:\n" +
                                 result.diagnostics.format("<test>"));
    }
    return *result.scenario;
}

Scenario exampleScenarioFromJson(const std::string& json) {
    ScenarioReader reader;
    reader.setBaseDirectory(exampleScenarioDirectory());
    ScenarioReadResult result = reader.readText(json);
    if (!result.ok()) {
        throw std::runtime_error("example scenario is invalid:\n" +
                                 result.diagnostics.format("<example>"));
    }
    return *result.scenario;
}

std::string exampleScenarioDirectory() {
    return resourcePath("scenarios");
}

std::vector<ReplicationResult> replicateAll(const Scenario& scenario, std::size_t architecture,
                                            int count) {
    // Replications are independent, so they run on every core; each result
    // lands in its own slot, so the outcome does not depend on scheduling.
    std::vector<ReplicationResult> results(static_cast<std::size_t>(count));
    std::atomic<int> next{0};
    auto work = [&] {
        for (int r = next++; r < count; r = next++) {
            results[static_cast<std::size_t>(r)] = runReplication(scenario, architecture, r);
        }
    };
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < threads; ++i) {
        pool.emplace_back(work);
    }
    for (std::thread& t : pool) {
        t.join();
    }
    return results;
}

std::vector<double> replicate(const Scenario& scenario, std::size_t architecture, int count,
                              const std::string& key) {
    std::vector<double> values;
    for (const ReplicationResult& r : replicateAll(scenario, architecture, count)) {
        values.push_back(r.metrics.value(key));
    }
    return values;
}

std::string resourcePath(const std::string& relative) {
    return sourcePath("resources/" + relative);
}

std::string sourcePath(const std::string& relative) {
    return std::string(FAASLAB_SOURCE_DIR) + "/" + relative;
}

} // namespace faaslab::test
