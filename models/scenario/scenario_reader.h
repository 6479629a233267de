#pragma once

#include "models/billing/pricing_catalog.h"
#include "models/scenario/diagnostics.h"
#include "models/scenario/scenario.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace faaslab {

struct ScenarioReadResult {
    std::optional<Scenario> scenario; // set only when there are no diagnostics
    // The document as read, with its keys in file order; set with `scenario`
    // (a caller that keeps the scenario's JSON, as runs saved to a workspace
    // do, need not parse the file again).
    std::optional<nlohmann::ordered_json> document;
    Diagnostics diagnostics;
    bool ok() const { return scenario.has_value(); }
};

// Reads and validates scenario files (format "faaslab.scenario/1", see
// docs/scenario-format.md). Every rule is checked and every violation
// reported in one pass, each with its JSON path (and line and column when the
// text is available): a scenario is either entirely valid or not returned.
class ScenarioReader {
public:
    explicit ScenarioReader(const PricingCatalog& catalog = PricingCatalog::builtin())
        : m_catalog(catalog) {}

    // Where files a scenario names by a relative path (traces) are looked
    // up; empty means the current directory. readFile uses the scenario
    // file's own folder instead.
    ScenarioReader& setBaseDirectory(std::string directory) {
        m_baseDirectory = std::move(directory);
        return *this;
    }
    const std::string& baseDirectory() const { return m_baseDirectory; }

    ScenarioReadResult readFile(const std::string& path) const;
    ScenarioReadResult readText(std::string_view text) const;
    ScenarioReadResult readJson(const nlohmann::ordered_json& document) const;

    // Refuses files larger than this before reading them.
    static constexpr std::size_t MaxFileBytes = 64u << 20;
    // Refuses scenarios that would simulate more requests than this in all
    // (rate x duration x replications x architectures).
    static constexpr double MaxSimulatedRequests = 1e12;
    // Refuses workloads that would keep more requests in service at once
    // (peak rate x mean time in service) than the engine keeps events for.
    static constexpr double MaxRequestsInFlight = 5e6;

private:
    const PricingCatalog& m_catalog;
    std::string m_baseDirectory;
};

} // namespace faaslab
