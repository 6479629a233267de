#include "tests/app/workspace/workspace_fixtures.h"

#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"

#include <stdexcept>

namespace faaslab::test {

nlohmann::ordered_json smallScenarioJson() {
    return nlohmann::ordered_json::parse(R"({
  "format": "faaslab.scenario/1", "name": "small",
  "simulation": { "duration_s": 600, "seed": 7, "replications": 2, "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 3 },
                "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [
    { "name": "Lambda", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "aws-lambda-x86" },
    { "name": "VM", "type": "vm", "instances": 2, "pricing": "aws-ec2-m5-large" } ] })");
}

ScenarioResults smallRunResults() {
    const ScenarioReadResult read = ScenarioReader().readJson(smallScenarioJson());
    if (!read.ok()) {
        throw std::runtime_error(read.diagnostics.format("small"));
    }
    RunOptions options;
    options.threads = 1;
    return runScenario(*read.scenario, options).results;
}

} // namespace faaslab::test
