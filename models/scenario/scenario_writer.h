#pragma once

#include "models/scenario/scenario.h"

#include <nlohmann/json.hpp>
#include <string>

namespace faaslab {

// Writes a scenario in the file format ScenarioReader reads, with every
// setting explicit (defaults included), so a saved file documents itself.
// read(write(s)) == s for every valid scenario.
nlohmann::ordered_json scenarioToJson(const Scenario& scenario);
nlohmann::ordered_json distributionToJson(const DistributionSpec& distribution);
nlohmann::ordered_json arrivalsToJson(const ArrivalSpec& arrivals);
std::string scenarioToText(const Scenario& scenario);

} // namespace faaslab
