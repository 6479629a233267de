#include "models/scenario/scenario_reader.h"

#include "models/io/regular_file.h"
#include "models/platforms/vm_config.h"
#include "models/scenario/application_reader.h"
#include "models/scenario/architecture_reader.h"
#include "models/scenario/json_locator.h"
#include "models/scenario/json_object_reader.h"
#include "models/scenario/json_text_parser.h"
#include "models/scenario/trace_arrivals_reader.h"
#include "models/scenario/workload_reader.h"
#include "models/workload/trace_profiler.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace faaslab {

namespace {

using namespace reading;

// ---------------------------------------------------------------- simulation

SimulationSettings readSimulation(JsonObjectReader& root) {
    SimulationSettings s;
    JsonObjectReader r = root.object("simulation", false);
    if (!r.valid()) {
        return s;
    }
    s.durationS = r.number("duration_s", Span, s.durationS);
    s.warmupS = r.number("warmup_s", ZeroOrSpan, s.warmupS);
    if (s.warmupS >= s.durationS) {
        r.error("warmup_s", "must be shorter than duration_s (" + formatNumber(s.durationS) +
                                "), got " + formatNumber(s.warmupS));
    }
    s.seed = r.unsignedInteger("seed", s.seed);
    s.replications = static_cast<int>(
        r.integer("replications", NumberRule::count(1, 10000, "ten thousand replications"),
                  s.replications));
    s.timeseriesBinS = r.number("timeseries_bin_s", Span, s.timeseriesBinS);
    if (s.timeseriesBinS > s.durationS - s.warmupS && r.has("timeseries_bin_s")) {
        r.error("timeseries_bin_s", "must not exceed the measured span duration_s - warmup_s (" +
                                        formatNumber(s.durationS - s.warmupS) + "), got " +
                                        formatNumber(s.timeseriesBinS));
    }
    r.finish();
    return s;
}

// ---------------------------------------------------------------- whole scenario

// The generator's steps between arrivals (on_off phases, schedule steps,
// thinned candidates) are simulated one by one like requests; a scenario
// with nanosecond phases would run for days without a single arrival.
void checkRateChanges(const ArrivalSpec& arrivals, const std::string& path,
                      const Scenario& scenario, Diagnostics& diagnostics) {
    const double changes =
        arrivals.expectedRateChanges(scenario.simulation.durationS) *
        scenario.simulation.replications *
        static_cast<double>(std::max<std::size_t>(1, scenario.architectures.size()));
    if (changes > ScenarioReader::MaxSimulatedRequests) {
        diagnostics.error(path, "the arrival process would change rate about " +
                                    formatNumber(changes) +
                                    " times in all (on/off phases, steps or thinned candidates "
                                    "x replications x architectures), more than the limit of " +
                                    formatNumber(ScenarioReader::MaxSimulatedRequests) +
                                    "; lengthen the phases or the period");
    }
}

std::optional<Scenario> readScenarioDocument(const Json& document, Diagnostics& diagnostics,
                                             const PricingCatalog& catalog,
                                             const std::filesystem::path& base) {
    if (!document.is_object()) {
        diagnostics.error("", "a scenario must be a JSON object, got " +
                                  JsonObjectReader::describe(document));
        return std::nullopt;
    }
    JsonObjectReader root(&document, "", diagnostics);
    const auto format = root.requiredString("format", 100);
    if (format && *format != ScenarioFormat && *format != ScenarioFormatV2) {
        root.error("format", "unsupported format \"" + *format + "\"; this version reads \"" +
                                 std::string(ScenarioFormat) + "\" and \"" +
                                 std::string(ScenarioFormatV2) + "\"");
        return std::nullopt;
    }
    const bool isApplication = format && *format == ScenarioFormatV2;
    Scenario scenario;
    scenario.name = root.requiredString("name", 200).value_or("");
    scenario.description = root.string("description", "", 10000);
    scenario.simulation = readSimulation(root);
    std::optional<WorkloadSpec> workload;
    if (isApplication) {
        scenario.application = readApplication(root, base);
        if (root.has("workload")) {
            root.error("workload", "format \"" + std::string(ScenarioFormatV2) +
                                       "\" describes its traffic and functions in "
                                       "\"application\"; \"workload\" belongs to format \"" +
                                       std::string(ScenarioFormat) + "\"");
            root.allow("workload");
        }
    } else {
        workload = readWorkload(root, base);
        if (root.has("application")) {
            root.error("application",
                       "applications need format \"" + std::string(ScenarioFormatV2) + "\"");
            root.allow("application");
        }
    }

    const Json* architectures = root.array("architectures", true);
    if (architectures != nullptr) {
        if (architectures->empty()) {
            root.error("architectures", "must list at least one architecture");
        } else if (architectures->size() > 100) {
            root.error("architectures", "must list at most 100 architectures, got " +
                                            std::to_string(architectures->size()));
        }
        std::map<std::string, std::size_t> names;
        for (std::size_t i = 0; i < architectures->size() && i < 100; ++i) {
            const std::string path = indexPath("architectures", i);
            auto spec = readArchitecture((*architectures)[i], path, diagnostics,
                                         workload ? &*workload : nullptr, catalog, isApplication);
            if (!spec) {
                continue;
            }
            const auto [it, inserted] = names.emplace(spec->name, i);
            if (!inserted) {
                diagnostics.error(path + ".name", "\"" + spec->name +
                                                      "\" is already the name of architectures[" +
                                                      std::to_string(it->second) + "]");
            }
            scenario.architectures.push_back(std::move(*spec));
        }
    }
    root.finish();
    if (scenario.application) {
        checkFunctionsOnServerless(scenario, diagnostics);
    }

    if (workload) {
        scenario.workload = *workload;
        const double expected =
            workload->arrivals.expectedArrivals(scenario.simulation.durationS) *
            scenario.simulation.replications *
            static_cast<double>(std::max<std::size_t>(1, scenario.architectures.size()));
        if (expected > ScenarioReader::MaxSimulatedRequests) {
            diagnostics.error("simulation.duration_s",
                              "the scenario would simulate about " + formatNumber(expected) +
                                  " requests in all (rate x duration x replications x "
                                  "architectures), more than the limit of " +
                                  formatNumber(ScenarioReader::MaxSimulatedRequests));
        }
        checkRateChanges(workload->arrivals, "workload.arrivals", scenario, diagnostics);
        const double inService = workload->arrivals.peakRate() *
                                 (workload->serviceTimeS.meanValue() +
                                  (workload->ioWaitS ? workload->ioWaitS->meanValue() : 0.0));
        if (inService > ScenarioReader::MaxRequestsInFlight) {
            diagnostics.error("workload",
                              "at its peak rate this workload keeps about " +
                                  formatNumber(std::round(inService)) +
                                  " requests in service at once (peak rate x mean service "
                                  "time), more than the " +
                                  formatNumber(ScenarioReader::MaxRequestsInFlight) +
                                  " this version can simulate");
        }
    }
    if (scenario.application) {
        const double expected =
            scenario.application->expectedInvocations(scenario.simulation.durationS) *
            scenario.simulation.replications *
            static_cast<double>(std::max<std::size_t>(1, scenario.architectures.size()));
        if (expected > ScenarioReader::MaxSimulatedRequests) {
            diagnostics.error("simulation.duration_s",
                              "the scenario would simulate about " + formatNumber(expected) +
                                  " function invocations in all (trigger events x invocations "
                                  "per event x replications x architectures), more than the "
                                  "limit of " +
                                  formatNumber(ScenarioReader::MaxSimulatedRequests));
        }
        for (std::size_t t = 0; t < scenario.application->triggers.size(); ++t) {
            const TriggerSpec& trigger = scenario.application->triggers[t];
            if (trigger.type == TriggerSpec::Type::Http ||
                trigger.type == TriggerSpec::Type::Queue) {
                checkRateChanges(trigger.arrivals,
                                 indexPath("application.triggers", t) + ".arrivals", scenario,
                                 diagnostics);
            }
        }
    }
    if (diagnostics.hasErrors()) {
        return std::nullopt;
    }
    return scenario;
}

} // namespace

ScenarioReadResult ScenarioReader::readJson(const nlohmann::ordered_json& document) const {
    ScenarioReadResult result;
    result.scenario =
        readScenarioDocument(document, result.diagnostics, m_catalog, m_baseDirectory);
    return result;
}

ScenarioReadResult ScenarioReader::readText(std::string_view text) const {
    ScenarioReadResult result;
    const JsonLocator locator(text);
    std::optional<Json> document = JsonTextParser::parse(text, locator, result.diagnostics);
    if (!document) {
        return result;
    }
    // Repeated keys first: with them, the values the rules below see may not
    // be the ones the author meant.
    Diagnostics& diagnostics = result.diagnostics;
    for (const JsonLocator::Duplicate& duplicate : locator.duplicates()) {
        diagnostics.error(duplicate.path,
                          "is given more than once; only one value can count, so remove "
                          "the others",
                          duplicate.position.line, duplicate.position.column);
    }
    for (std::size_t i = locator.duplicates().size(); i < locator.duplicateCount(); ++i) {
        diagnostics.countUnlisted();
    }
    std::optional<Scenario> scenario =
        readScenarioDocument(*document, diagnostics, m_catalog, m_baseDirectory);
    if (diagnostics.hasErrors()) {
        scenario.reset();
    }
    result.scenario = std::move(scenario);
    if (result.scenario) {
        result.document = std::move(document);
    }
    // Place every problem found on the tree, in one pass over the text.
    std::vector<std::string> paths;
    for (const Diagnostic& d : diagnostics.items()) {
        if (d.line == 0) {
            paths.push_back(d.path);
        }
    }
    if (!paths.empty()) {
        const std::vector<JsonLocator::Position> positions = locator.find(paths);
        std::size_t next = 0;
        for (Diagnostic& d : diagnostics.items()) {
            if (d.line == 0) {
                d.line = positions[next].line;
                d.column = positions[next].column;
                ++next;
            }
        }
    }
    return result;
}

ScenarioReadResult ScenarioReader::readFile(const std::string& path) const {
    ScenarioReadResult result;
    std::ifstream file;
    if (const auto problem = openRegularFile(path, file)) {
        result.diagnostics.error("", *problem);
        return result;
    }
    file.seekg(0, std::ios::end);
    const std::streamoff size = file.tellg();
    if (size < 0) {
        result.diagnostics.error("", "cannot read the file");
        return result;
    }
    if (static_cast<std::size_t>(size) > MaxFileBytes) {
        result.diagnostics.error("", "the file is " + std::to_string(size) +
                                         " bytes; scenario files are limited to " +
                                         std::to_string(MaxFileBytes) + " bytes");
        return result;
    }
    file.seekg(0, std::ios::beg);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!file.read(text.data(), size)) {
        result.diagnostics.error("", "cannot read the file");
        return result;
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        const auto position = JsonLocator::positionOf(text, nul);
        result.diagnostics.error("",
                                 "not a text file (it contains a NUL byte); a scenario is a "
                                 "JSON text file",
                                 position.line, position.column);
        return result;
    }
    // Trace files named relative to the scenario are looked up beside it.
    ScenarioReader beside(m_catalog);
    beside.setBaseDirectory(
        std::filesystem::absolute(std::filesystem::path(path)).parent_path().string());
    return beside.readText(text);
}

} // namespace faaslab
