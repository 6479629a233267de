// faaslab-bench: simulated requests per wall-clock second and peak memory of
// the platform models, one case per child process so that each case's peak
// resident memory is its own (getrusage of the child).
//
//   faaslab-bench            all cases
//   faaslab-bench --list     case names
//   faaslab-bench NAME...    selected cases
//   faaslab-bench sweep      a 30-point sweep, serial against parallel
//
// Each case runs one replication of one architecture on one thread, which is
// the unit the runner parallelises. Compare ratios between cases of one run;
// absolute figures depend on the machine and its load.
//
// Application cases run a bundled format-2 example (its own workload, a
// longer horizon) and count every function invocation a request causes, so
// their invocations per second compare with a single function's requests
// per second.

#include "models/application/part_statistics.h"
#include "models/report/sweep_writer.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/runner/sweep_runner.h"
#include "models/runner/timeline_runner.h"
#include "models/scenario/scenario_reader.h"
#include "resources/embedded_files.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace faaslab;

namespace {

struct Case {
    std::string name;
    std::string description;
    double ratePerS;
    double durationS;
    std::string architecture; // JSON of the one architecture
    // Application cases: a bundled example scenario (file name) and which of
    // its architectures to run; ratePerS and architecture are then unused.
    std::string example = {};
    std::size_t exampleArchitecture = 0;
    double memoryMb = 512.0; // of the function
    // Records the timeline of the whole run (every request and instance)
    // instead of computing the results.
    bool timeline = false;
};

const char* const Lambda = R"({ "name": "faas", "type": "serverless",
    "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.5 }, "keep_alive_s": 600,
    "max_instances": 100000, "pricing": "aws-lambda-x86" })";

// The same Lambda with the two keep-alive policies that keep instances: the
// fixed one expires idle instances lazily, the hybrid histogram one
// schedules an expiry event for every idle period.
const char* const LambdaFixed = R"({ "name": "faas-fixed", "type": "serverless",
    "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.5 }, "keep_alive_s": 600,
    "keep_alive_policy": "fixed", "max_instances": 100000, "pricing": "aws-lambda-x86" })";

const char* const LambdaHybrid = R"({ "name": "faas-hybrid", "type": "serverless",
    "cold_start_s": { "dist": "lognormal", "mean": 0.5, "cv": 0.5 }, "keep_alive_s": 600,
    "keep_alive_policy": "hybrid_histogram", "max_instances": 100000,
    "pricing": "aws-lambda-x86" })";

const char* const CloudRun = R"({ "name": "containers", "type": "container", "vcpu": 2,
    "memory_mb": 1024, "concurrency_per_instance": 80, "min_instances": 1, "max_instances": 200,
    "startup_s": { "dist": "deterministic", "value": 5 },
    "autoscaler": { "cpu_target_utilization": 0.6 }, "pricing": "gcp-cloud-run-request" })";

const char* const VmFleet = R"({ "name": "vms", "type": "vm", "instances": 150,
    "dispatch": "central_queue", "pricing": "aws-ec2-c5-large" })";

const char* const VmLeastConnections = R"({ "name": "vms-lc", "type": "vm", "instances": 150,
    "dispatch": "least_connections", "pricing": "aws-ec2-c5-large" })";

std::vector<Case> cases() {
    std::vector<Case> list;
    // Low load: about one instance, mostly warm, a cold start now and then.
    list.push_back(
        {"serverless-0.9rps", "serverless, 0.9 req/s, 1,000 days", 0.9, 1000.0 * 86400.0, Lambda});
    // High load, three horizons: throughput and memory must not depend on it.
    list.push_back(
        {"serverless-1000rps-1h", "serverless, 1,000 req/s, 1 hour", 1000.0, 3600.0, Lambda});
    list.push_back(
        {"serverless-1000rps-1d", "serverless, 1,000 req/s, 1 day", 1000.0, 86400.0, Lambda});
    list.push_back({"serverless-1000rps-7d", "serverless, 1,000 req/s, 7 days", 1000.0,
                    7.0 * 86400.0, Lambda});
    // The same hour with its timeline recorded: 3.6 million request records.
    list.push_back({"timeline-1000rps-1h", "timeline recorded, 1,000 req/s, 1 h", 1000.0, 3600.0,
                    Lambda, "", 0, 512.0, true});
    // Keep-alive policies at low traffic (1 GB functions), where idle
    // periods are as many as requests: the cost of the hybrid policy's
    // expiry event per idle period against the fixed policy's lazy expiry.
    list.push_back({"keep-alive-fixed-0.5rps", "fixed keep-alive, 0.5 req/s, 1 GB, 1,000 d", 0.5,
                    1000.0 * 86400.0, LambdaFixed, "", 0, 1024.0});
    list.push_back({"keep-alive-hybrid-0.5rps", "hybrid keep-alive, 0.5 req/s, 1 GB, 1,000 d", 0.5,
                    1000.0 * 86400.0, LambdaHybrid, "", 0, 1024.0});
    // Containers: processor sharing, autoscaler; VMs: 300 cores at ~67 %.
    list.push_back(
        {"container-1000rps-1d", "containers, 1,000 req/s, 1 day", 1000.0, 86400.0, CloudRun});
    list.push_back({"vm-central-1000rps-1d", "VMs, central queue, 1,000 req/s, 1 d", 1000.0,
                    86400.0, VmFleet});
    list.push_back({"vm-lc-1000rps-1d", "VMs, least conn., 1,000 req/s, 1 d", 1000.0, 86400.0,
                    VmLeastConnections});
    // Applications: bursts of storage events through a chain of three
    // functions, and a fan-out of 100 copies with a fan-in. Their traffic is
    // light, so the horizon is long enough for millions of invocations.
    const char* const pipeline = "image-pipeline.json";
    const char* const mapReduce = "map-reduce-word-count.json";
    const std::string names[] = {"serverless", "container", "vm"};
    for (std::size_t a = 0; a < 3; ++a) {
        list.push_back({"pipeline-" + names[a], "image pipeline, " + names[a] + ", 60 days", 0.0,
                        60.0 * 86400.0, "", pipeline, a});
    }
    for (std::size_t a = 0; a < 3; ++a) {
        list.push_back({"map-reduce-" + names[a], "map-reduce x100, " + names[a] + ", 60 days", 0.0,
                        60.0 * 86400.0, "", mapReduce, a});
    }
    return list;
}

Scenario exampleScenarioFor(const Case& c) {
    for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
        if (file.name != c.example) {
            continue;
        }
        ScenarioReadResult result = ScenarioReader().readText(file.contents);
        if (!result.ok()) {
            std::fprintf(stderr, "%s", result.diagnostics.format(c.example).c_str());
            std::exit(2);
        }
        Scenario scenario = *result.scenario;
        scenario.simulation.durationS = c.durationS;
        scenario.simulation.warmupS = 0.0;
        return scenario;
    }
    std::fprintf(stderr, "%s: no bundled example named %s\n", c.name.c_str(), c.example.c_str());
    std::exit(2);
}

Scenario scenarioFor(const Case& c) {
    if (!c.example.empty()) {
        return exampleScenarioFor(c);
    }
    nlohmann::ordered_json document = {
        {"format", "faaslab.scenario/1"},
        {"name", c.name},
        {"simulation", {{"duration_s", c.durationS}, {"seed", 1}, {"timeseries_bin_s", 60}}},
        {"workload",
         {{"arrivals", {{"process", "poisson"}, {"rate_per_s", c.ratePerS}}},
          {"service_time_s", {{"dist", "exponential"}, {"mean", 0.2}}},
          {"memory_mb", c.memoryMb}}},
        {"architectures",
         nlohmann::ordered_json::array({nlohmann::ordered_json::parse(c.architecture)})}};
    ScenarioReadResult result = ScenarioReader().readJson(document);
    if (!result.ok()) {
        std::fprintf(stderr, "%s", result.diagnostics.format(c.name).c_str());
        std::exit(2);
    }
    return *result.scenario;
}

struct Measurement {
    double requests = 0.0;
    // Function invocations: one per request for a single function; every
    // invocation of every function (chained, fanned out, fan-in, retried)
    // for an application.
    double invocations = 0.0;
    double events = 0.0;
    double seconds = 0.0;
};

// Runs in the child.
Measurement measure(const Case& c) {
    const Scenario scenario = scenarioFor(c);
    const std::size_t architecture = c.example.empty() ? 0 : c.exampleArchitecture;
    if (c.timeline) {
        const auto start = std::chrono::steady_clock::now();
        const TimelineOutput t =
            recordTimeline(scenario, architecture, 0, TimelineWindow{0.0, c.durationS, 20000000});
        const auto end = std::chrono::steady_clock::now();
        double requests = 0.0;
        for (const TimelineRecord& r : t.records) {
            requests += r.kind == TimelineRecordKind::Request ? 1.0 : 0.0;
        }
        return Measurement{requests, requests, 0.0,
                           std::chrono::duration<double>(end - start).count()};
    }
    const auto start = std::chrono::steady_clock::now();
    const ReplicationResult result = runReplication(scenario, architecture, 0);
    const auto end = std::chrono::steady_clock::now();
    double invocations = result.metrics.value(metric::Arrived);
    if (!result.functions.empty()) {
        invocations = 0.0;
        for (const NamedMetrics& function : result.functions) {
            invocations += function.metrics.value(part_metric::Invocations);
        }
    }
    return Measurement{result.metrics.value(metric::Arrived), invocations,
                       static_cast<double>(result.eventsProcessed),
                       std::chrono::duration<double>(end - start).count()};
}

bool runInChild(const Case& c) {
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        return false;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const Measurement m = measure(c);
        if (write(fds[1], &m, sizeof m) != static_cast<ssize_t>(sizeof m)) {
            _exit(1);
        }
        _exit(0);
    }
    close(fds[1]);
    Measurement m;
    const bool got = read(fds[0], &m, sizeof m) == static_cast<ssize_t>(sizeof m);
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s: failed\n", c.name.c_str());
        return false;
    }
    // ru_maxrss is in KiB on Linux.
    std::printf("| %-22s | %-36s | %14.0f | %14.0f | %8.2f | %12.2f | %15.2f | %11.2f | %8.1f |\n",
                c.name.c_str(), c.description.c_str(), m.requests, m.invocations, m.seconds,
                m.requests / m.seconds / 1e6, m.invocations / m.seconds / 1e6,
                m.events / m.seconds / 1e6, usage.ru_maxrss / 1024.0);
    std::fflush(stdout);
    return true;
}

} // namespace

// A 30-point sweep of the arrival rate over the serverless, container and VM
// architectures (1 hour each), serially and on every core: wall times and
// the speed-up, and a check that both give the same results.
int sweepBenchmark() {
    nlohmann::ordered_json document = {
        {"format", "faaslab.scenario/1"},
        {"name", "sweep bench"},
        {"simulation", {{"duration_s", 3600}, {"seed", 1}}},
        {"workload",
         {{"arrivals", {{"process", "poisson"}, {"rate_per_s", 100}}},
          {"service_time_s", {{"dist", "exponential"}, {"mean", 0.2}}},
          {"memory_mb", 512}}},
        {"architectures", nlohmann::ordered_json::array({nlohmann::ordered_json::parse(Lambda),
                                                         nlohmann::ordered_json::parse(CloudRun),
                                                         nlohmann::ordered_json::parse(VmFleet)})}};
    // 60 VMs: cheaper than functions above about 750 requests/s, so the
    // timing includes a break-even search.
    document["architectures"][2]["instances"] = 60;
    SweepSpec spec;
    spec.parameter = "workload.arrivals.rate_per_s";
    spec.values = sweepRange(10.0, 1000.0, 30, true);
    auto timed = [&](int threads, SweepOutput& out) {
        SweepOptions options;
        options.threads = threads;
        const auto start = std::chrono::steady_clock::now();
        out = runSweep(document, spec, options);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    SweepOutput serial;
    SweepOutput parallel;
    const double serialSeconds = timed(1, serial);
    const double parallelSeconds = timed(0, parallel);
    const bool same = sweepToJson(serial.results).dump() == sweepToJson(parallel.results).dump();
    std::printf(
        "\n| sweep (30 points x 3 architectures, 1 h each, + %d bisection runs) | wall (s) |\n",
        serial.results.extraRuns);
    std::printf("|---|---:|\n");
    std::printf("| serial (1 thread) | %.2f |\n", serialSeconds);
    std::printf("| parallel (%u threads) | %.2f |\n", std::thread::hardware_concurrency(),
                parallelSeconds);
    std::printf("| speed-up | %.2fx |\n", serialSeconds / parallelSeconds);
    std::printf("| results identical | %s |\n", same ? "yes" : "NO");
    return same ? 0 : 1;
}

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "sweep") == 0) {
        return sweepBenchmark();
    }
    const std::vector<Case> all = cases();
    std::vector<Case> selected;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--list") == 0) {
            for (const Case& c : all) {
                std::printf("%s\t%s\n", c.name.c_str(), c.description.c_str());
            }
            return 0;
        }
        bool found = false;
        for (const Case& c : all) {
            if (c.name == argv[i]) {
                selected.push_back(c);
                found = true;
            }
        }
        if (!found) {
            std::fprintf(stderr, "faaslab-bench: unknown case '%s' (see --list)\n", argv[i]);
            return 2;
        }
    }
    if (selected.empty()) {
        selected = all;
    }
    std::printf("| case                   | what                                 |       requests "
                "|    invocations | wall (s) | M requests/s | M invocations/s | M events/s "
                "| peak MiB |\n");
    std::printf("|------------------------|--------------------------------------|---------------:|"
                "---------------:|---------:|-------------:|----------------:|-----------:|"
                "---------:|\n");
    bool ok = true;
    for (const Case& c : selected) {
        ok = runInChild(c) && ok;
    }
    return ok ? 0 : 1;
}
