#include "models/runner/scenario_runner.h"

#include "models/application/application_runtime.h"
#include "models/format/number_format.h"
#include "models/platforms/platform_factory.h"
#include "models/runner/replication_aggregator.h"
#include "models/workload/request_source.h"
#include "simulator/confidence_interval.h"
#include "simulator/simulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#ifndef FAASLAB_VERSION
#define FAASLAB_VERSION "unknown"
#endif

namespace faaslab {

std::string softwareVersion() {
    return FAASLAB_VERSION;
}

namespace {

PricingProvenance provenanceOf(const ArchitectureSpec& spec) {
    PricingProvenance p;
    const PriceListInfo& info = spec.priceListInfo();
    p.presetId = info.presetId;
    p.provider = info.provider;
    p.product = info.product;
    p.sourceUrl = info.sourceUrl;
    p.asOf = info.asOf;
    return p;
}

// What usually fills the event queue, and what to change. Events pending
// grow with the work in flight and the work waiting: for an application,
// asynchronous invocations that are throttled or fail wait for their retry
// for up to async.max_event_age_s, so a platform that cannot keep up piles
// them up for hours of simulated time.
std::string workInFlightAdvice(const Scenario& scenario) {
    if (scenario.application) {
        return "Throttled or failed asynchronous invocations wait for a retry for up to "
               "async.max_event_age_s (" +
               formatSeconds(scenario.application->async.maxEventAgeS) +
               "), so they pile up when the functions cannot keep up with the triggers. Raise "
               "max_instances, lower the load or the fan-out copies, or shorten "
               "async.max_event_age_s.";
    }
    return "Requests waiting in queues count too. Lower the load, or give the architecture "
           "more capacity.";
}

} // namespace

ReplicationResult runReplication(const Scenario& scenario, std::size_t architecture,
                                 int replication, const std::atomic<bool>* cancel,
                                 const std::function<void(double)>& progress,
                                 const ReplicationLimits& limits, bool* cancelled) {
    const SimulationSettings& settings = scenario.simulation;
    sim::Simulation simulation(settings.durationS, cancel);
    simulation.setPendingLimit(limits.maxPendingEvents);
    MeasurementWindow window{settings.warmupS, settings.durationS, settings.timeseriesBinS,
                             limits.maxTimeSeriesBins};
    sim::RunControl control;
    control.warmup = settings.warmupS;
    if (progress) {
        control.progress = [&progress](const sim::RunProgress& p) {
            progress(p.fraction());
        };
    }
    try {
        if (scenario.application) {
            ApplicationRuntime runtime(scenario, architecture, simulation,
                                       static_cast<std::uint64_t>(replication), window);
            simulation.addObserver(&runtime);
            runtime.start();
            const sim::RunOutcome outcome = simulation.run(control);
            if (cancelled != nullptr) {
                *cancelled = outcome == sim::RunOutcome::Cancelled;
            }
            ReplicationResult result = runtime.result();
            result.eventsProcessed = simulation.eventsProcessed();
            return result;
        }
        const PlatformContext context{simulation,
                                      scenario.workload,
                                      settings.seed,
                                      static_cast<std::uint64_t>(replication),
                                      static_cast<std::uint64_t>(architecture),
                                      window};
        std::unique_ptr<Platform> platform =
            makePlatform(scenario.architectures[architecture].config, context);
        RequestSource source(scenario.workload, settings.seed,
                             static_cast<std::uint64_t>(replication), simulation, *platform);
        simulation.addObserver(platform.get());
        platform->start();
        source.start();

        const sim::RunOutcome outcome = simulation.run(control);
        if (cancelled != nullptr) {
            *cancelled = outcome == sim::RunOutcome::Cancelled;
        }
        ReplicationResult result = platform->result();
        result.eventsProcessed = simulation.eventsProcessed();
        return result;
    } catch (const sim::PendingLimitExceeded& e) {
        throw WorkInFlightError(scenario.architectures[architecture].name, replication,
                                simulation.now(), e.limit(), workInFlightAdvice(scenario));
    }
}

RunOutput runScenario(const Scenario& scenario, const RunOptions& options) {
    const std::size_t architectures = scenario.architectures.size();
    const auto replications = static_cast<std::size_t>(scenario.simulation.replications);
    const std::size_t jobs = architectures * replications;

    // Finished replications wait here until all earlier ones of the same
    // architecture are folded in (see ReplicationAggregator); with jobs
    // handed out in order, only about one per thread waits at a time.
    std::vector<std::optional<ReplicationResult>> parked(jobs);
    std::vector<ReplicationAggregator> aggregators(architectures);
    std::size_t nextFold = 0;
    std::vector<std::atomic<double>> jobProgress(jobs);
    std::vector<std::atomic<std::uint64_t>> jobEvents(jobs);
    std::atomic<std::size_t> nextJob{0};
    std::atomic<int> finished{0};
    std::atomic<bool> anyCancelled{false};
    std::exception_ptr failure;
    std::mutex mutex;
    std::condition_variable done;
    // Replications poll this one flag: it follows options.cancel (copied
    // below while waiting) and is set by the first replication that fails,
    // so a run that cannot finish stops at once instead of after the others.
    std::atomic<bool> stop{false};
    auto stopRequested = [&] {
        return stop.load() || (options.cancel != nullptr && options.cancel->load());
    };

    auto worker = [&] {
        for (;;) {
            const std::size_t job = nextJob.fetch_add(1);
            if (job >= jobs) {
                break;
            }
            const std::size_t architecture = job / replications;
            const int replication = static_cast<int>(job % replications);
            // Once cancelled, remaining jobs are counted as finished without
            // running, so the run returns at once.
            if (stopRequested()) {
                anyCancelled = true;
                {
                    std::lock_guard lock(mutex);
                    ++finished;
                }
                done.notify_all();
                continue;
            }
            try {
                bool cancelled = false;
                ReplicationResult result = runReplication(
                    scenario, architecture, replication, &stop,
                    [&jobProgress, job](double f) {
                        jobProgress[job].store(f, std::memory_order_relaxed);
                    },
                    options.limits, &cancelled);
                jobEvents[job].store(result.eventsProcessed, std::memory_order_relaxed);
                if (cancelled) {
                    // A cancelled replication is partial (its time series
                    // stops where it was interrupted) and the run's results
                    // are discarded: never fold it.
                    anyCancelled = true;
                } else {
                    std::lock_guard lock(mutex);
                    parked[job] = std::move(result);
                    while (nextFold < jobs && parked[nextFold]) {
                        aggregators[nextFold / replications].add(std::move(*parked[nextFold]));
                        parked[nextFold].reset();
                        ++nextFold;
                    }
                }
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) {
                    failure = std::current_exception();
                }
                stop = true;
            }
            jobProgress[job].store(1.0, std::memory_order_relaxed);
            {
                std::lock_guard lock(mutex);
                ++finished;
            }
            done.notify_all();
        }
    };

    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threadCount = std::min<std::size_t>(
        jobs, options.threads > 0 ? static_cast<std::size_t>(options.threads) : hardware);
    std::vector<std::thread> threads;
    threads.reserve(threadCount);
    for (std::size_t i = 0; i < threadCount; ++i) {
        threads.emplace_back(worker);
    }

    auto report = [&] {
        if (!options.progress) {
            return;
        }
        RunProgressReport p;
        p.jobsTotal = static_cast<int>(jobs);
        p.jobsDone = finished.load();
        double sum = 0.0;
        for (std::size_t j = 0; j < jobs; ++j) {
            sum += jobProgress[j].load(std::memory_order_relaxed);
            p.eventsProcessed += jobEvents[j].load(std::memory_order_relaxed);
        }
        p.fraction = jobs > 0 ? sum / static_cast<double>(jobs) : 1.0;
        options.progress(p);
    };
    {
        // The caller's cancel flag reaches the replications through `stop`
        // within 10 ms (a Stop button must act at once); progress is
        // reported every 100 ms.
        using Clock = std::chrono::steady_clock;
        auto nextReport = Clock::now();
        std::unique_lock lock(mutex);
        while (static_cast<std::size_t>(finished.load()) < jobs) {
            done.wait_for(lock, std::chrono::milliseconds(10));
            if (options.cancel != nullptr && options.cancel->load()) {
                stop = true;
            }
            if (Clock::now() >= nextReport || static_cast<std::size_t>(finished.load()) == jobs) {
                nextReport = Clock::now() + std::chrono::milliseconds(100);
                lock.unlock();
                report();
                lock.lock();
            }
        }
    }
    for (std::thread& t : threads) {
        t.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }

    RunOutput output;
    if (anyCancelled || (options.cancel != nullptr && options.cancel->load())) {
        output.status = RunStatus::Cancelled;
        return output;
    }
    ScenarioResults& r = output.results;
    r.scenarioName = scenario.name;
    r.softwareVersion = softwareVersion();
    r.seed = scenario.simulation.seed;
    r.replications = scenario.simulation.replications;
    r.durationS = scenario.simulation.durationS;
    r.warmupS = scenario.simulation.warmupS;
    for (std::size_t a = 0; a < architectures; ++a) {
        const ArchitectureSpec& spec = scenario.architectures[a];
        ArchitectureResults arch = aggregators[a].finish(spec.name, std::string(spec.typeName()));
        arch.pricing = provenanceOf(spec);
        r.architectures.push_back(std::move(arch));
    }
    return output;
}

} // namespace faaslab
