#include "models/runner/timeline_runner.h"

#include "models/platforms/platform_factory.h"
#include "models/workload/request_source.h"
#include "simulator/simulation.h"

#include <algorithm>
#include <memory>
#include <variant>

namespace faaslab {

std::optional<std::string> timelineUnsupported(const Scenario& scenario, std::size_t architecture) {
    if (scenario.application) {
        return "timelines of applications (scenario format 2) are not recorded by this version";
    }
    const ArchitectureSpec& spec = scenario.architectures.at(architecture);
    if (!std::holds_alternative<ServerlessConfig>(spec.config)) {
        return "timelines of " + std::string(spec.typeName()) +
               " architectures are not recorded by this version (serverless only)";
    }
    return std::nullopt;
}

TimelineOutput recordTimeline(const Scenario& scenario, std::size_t architecture, int replication,
                              const TimelineWindow& window, const std::atomic<bool>* cancel) {
    const SimulationSettings& settings = scenario.simulation;
    const ArchitectureSpec& spec = scenario.architectures.at(architecture);
    TimelineOutput out;
    out.architecture = spec.name;
    out.type = std::string(spec.typeName());
    out.replication = replication;
    out.window = window;
    out.window.toS = std::min(window.toS, settings.durationS);

    // The same construction as runReplication(), so the random streams and
    // the order of events are those of the full run.
    sim::Simulation simulation(settings.durationS, cancel);
    const MeasurementWindow measured{settings.warmupS, settings.durationS, settings.timeseriesBinS,
                                     5000};
    const PlatformContext context{simulation,
                                  scenario.workload,
                                  settings.seed,
                                  static_cast<std::uint64_t>(replication),
                                  static_cast<std::uint64_t>(architecture),
                                  measured};
    std::unique_ptr<Platform> platform = makePlatform(spec.config, context);
    TimelineRecorder recorder(out.window);
    platform->setTimelineRecorder(&recorder);
    RequestSource source(scenario.workload, settings.seed, static_cast<std::uint64_t>(replication),
                         simulation, *platform);
    simulation.addObserver(platform.get());
    platform->start();
    source.start();

    sim::RunControl control;
    control.warmup = settings.warmupS;
    // Nothing after the window can change what happened inside it.
    control.drainLimit = out.window.toS;
    out.cancelled = simulation.run(control) == sim::RunOutcome::Cancelled;
    platform->settle(out.window.toS);
    recorder.finish(out.window.toS);
    out.records = recorder.records();
    out.truncated = recorder.truncated();
    out.truncatedAtS = recorder.truncatedAtS();
    return out;
}

} // namespace faaslab
