#pragma once

#include <span>
#include <string_view>

namespace faaslab::resources {

// A file from resources/ compiled into the program.
struct EmbeddedFile {
    std::string_view name; // file name, e.g. "aws-lambda-x86.json"
    std::string_view contents;
};

// resources/pricing/*.json, sorted by name.
std::span<const EmbeddedFile> pricingPresetFiles();
// resources/scenarios/*.json, sorted by name.
std::span<const EmbeddedFile> exampleScenarioFiles();
// resources/sql/*.sql, the workspace schema migrations, sorted by name
// ("001_scenarios_and_runs.sql" takes an empty database to version 1).
std::span<const EmbeddedFile> schemaMigrationFiles();
// resources/traces/*.csv, the sample traces the examples replay (their paths
// are "../traces/NAME" from the scenarios folder), sorted by name.
std::span<const EmbeddedFile> sampleTraceFiles();

} // namespace faaslab::resources
