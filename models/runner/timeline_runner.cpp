#include "models/runner/timeline_runner.h"

#include "models/platforms/platform_factory.h"
#include "models/workload/request_source.h"
#include "simulator/simulation.h"

#include <algorithm>
#include <memory>

namespace faaslab {

std::optional<std::string> timelineUnsupported(const Scenario& scenario, std::size_t architecture) {
    if (scenario.application) {
        return "timelines of applications (scenario format 2) are not recorded by this version";
    }
    const ArchitectureSpec& spec = scenario.architectures.at(architecture);
    (void)spec;
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
    // the order of events are those of the full run. The run stops once
    // nothing recorded can change: past the window, with every request that
    // arrived in it recorded (a container or VM request may end later).
    std::atomic<bool> stop{false};
    sim::Simulation simulation(settings.durationS, &stop);
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
    control.progressInterval = 1024;
    control.progress = [&](const sim::RunProgress&) {
        if ((cancel != nullptr && cancel->load()) || recorder.settled(simulation.now())) {
            stop = true;
        }
    };
    simulation.run(control);
    out.cancelled = cancel != nullptr && cancel->load();
    platform->settle(out.window.toS);
    recorder.finish(out.window.toS);
    out.records = recorder.records();
    out.truncated = recorder.truncated();
    out.truncatedAtS = recorder.truncatedAtS();
    return out;
}

} // namespace faaslab
