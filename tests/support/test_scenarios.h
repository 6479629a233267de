#pragma once

#include "models/results/replication_result.h"
#include "models/scenario/scenario.h"

#include <string>
#include <vector>

namespace faaslab::test {

// Reads a scenario from JSON text through the real reader; throws
// std::runtime_error with the diagnostics if it is invalid (a broken test
// fixture must not pass silently).
Scenario scenarioFromJson(const std::string& json);

// Reads a bundled example scenario (resources/scenarios/) from its text, with
// relative file names (traces) resolved against that folder, as if the file
// had been opened from the source tree.
Scenario exampleScenarioFromJson(const std::string& json);
// The folder relative names in bundled example scenarios resolve against.
std::string exampleScenarioDirectory();

// Runs replications 0..count-1 of architecture `architecture` and returns
// metric `key` of each.
std::vector<double> replicate(const Scenario& scenario, std::size_t architecture, int count,
                              const std::string& key);

// All metrics of each replication.
std::vector<ReplicationResult> replicateAll(const Scenario& scenario, std::size_t architecture,
                                            int count);

// Path of a bundled file under resources/ in the source tree.
std::string resourcePath(const std::string& relative);
// Path of any file in the source tree.
std::string sourcePath(const std::string& relative);

} // namespace faaslab::test
