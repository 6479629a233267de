#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"
#include "models/scenario/scenario_writer.h"
#include "models/workload/arrival_generator.h"
#include "models/workload/request_source.h"
#include "models/workload/trace_profiler.h"
#include "tests/support/statistical_checks.h"
#include "tests/support/test_scenarios.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

using namespace faaslab;

namespace {

constexpr int SampleArrivals = 1233; // resources/traces/README.md
constexpr int SampleApiArrivals = 924;
constexpr int HttpDayTotal = 57583 + 17284;
constexpr const char* TopHttpHash =
    "361d77c6c8a283ea2582de8eb2e14fdee642d3902d50090ae18186c2feb69e36";

TraceReplaySpec timestampSpec(const std::string& function = {}) {
    TraceReplaySpec spec;
    spec.format = TraceReplaySpec::Format::Timestamps;
    spec.file = "sample-timestamps.csv";
    spec.resolvedPath = test::resourcePath("traces/sample-timestamps.csv");
    spec.function = function;
    return spec;
}

TraceReplaySpec azureSpec(const std::string& trigger, int topN = 0) {
    TraceReplaySpec spec;
    spec.format = TraceReplaySpec::Format::Azure;
    spec.file = "sample-azure.d01.csv";
    spec.resolvedPath = test::resourcePath("traces/sample-azure.d01.csv");
    spec.trigger = trigger;
    spec.topN = topN;
    return spec;
}

ArrivalSpec traceArrivals(const TraceReplaySpec& trace) {
    ArrivalSpec spec;
    spec.process = ArrivalSpec::Process::Trace;
    spec.trace = trace;
    return spec;
}

std::vector<double> generateAll(const ArrivalSpec& spec, std::uint64_t seed = 1,
                                std::size_t limit = 10000000) {
    ArrivalGenerator generator(spec, sim::RandomStream(seed));
    std::vector<double> times;
    for (double t = generator.next(); t != ArrivalGenerator::Never && times.size() < limit;
         t = generator.next()) {
        times.push_back(t);
    }
    return times;
}

// The sample's timestamps read independently of the replay code.
std::vector<double> sampleTimestamps(const std::string& function = {}) {
    std::ifstream in(test::resourcePath("traces/sample-timestamps.csv"));
    std::vector<double> times;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line[0] == 't') {
            continue;
        }
        const auto comma = line.find(',');
        if (function.empty() || line.substr(comma + 1) == function) {
            times.push_back(std::stod(line.substr(0, comma)));
        }
    }
    return times;
}

// A format-1 scenario around `arrivals` (a JSON object text).
std::string
scenarioWith(const std::string& arrivals,
             const std::string& workloadExtra =
                 R"("service_time_s": {"dist": "deterministic", "value": 0.1}, "memory_mb": 512)") {
    return R"({"format": "faaslab.scenario/1", "name": "trace",
  "simulation": {"duration_s": 600, "warmup_s": 0, "seed": 7, "replications": 1},
  "workload": {"arrivals": )" +
           arrivals + (workloadExtra.empty() ? std::string() : ", " + workloadExtra) + R"(},
  "architectures": [{"name": "Lambda", "type": "serverless", "cold_start_s": {"dist": "deterministic", "value": 0.3}, "pricing": "aws-lambda-x86"}]})";
}

ScenarioReadResult readBesideTraces(const std::string& text) {
    ScenarioReader reader;
    reader.setBaseDirectory(test::resourcePath("traces"));
    return reader.readText(text);
}

std::string firstMessage(const ScenarioReadResult& result) {
    return result.diagnostics.items().empty() ? std::string()
                                              : result.diagnostics.items().front().path + ": " +
                                                    result.diagnostics.items().front().message;
}

} // namespace

class TstTraceReplay : public QObject {
    Q_OBJECT

private slots:
    void profileCountsTheSampleTimestamps() {
        TraceReplaySpec spec = timestampSpec();
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(spec.arrivals, std::uint64_t(SampleArrivals));
        // The last arrival is at 599.6 s: ten whole minutes.
        QCOMPARE(spec.binCounts.size(), std::size_t(10));
        QCOMPARE(spec.spanS(), 600.0);
        QCOMPARE(std::accumulate(spec.binCounts.begin(), spec.binCounts.end(), std::uint64_t(0)),
                 std::uint64_t(SampleArrivals));
        const ArrivalSpec arrivals = traceArrivals(spec);
        QCOMPARE(arrivals.meanRate(), SampleArrivals / 600.0);
        QCOMPARE(arrivals.expectedArrivals(600.0), double(SampleArrivals));
        QCOMPARE(arrivals.expectedArrivals(6000.0), double(SampleArrivals)); // no repeat
        QCOMPARE(arrivals.expectedArrivals(60.0), double(spec.binCounts[0]));
        QCOMPARE(arrivals.expectedRateAt(90.0), spec.binCounts[1] / 60.0);
        QCOMPARE(arrivals.expectedRateAt(700.0), 0.0);

        TraceReplaySpec api = timestampSpec("api");
        QVERIFY(!TraceProfiler::profile(api));
        QCOMPARE(api.arrivals, std::uint64_t(SampleApiArrivals));
    }

    void replayReproducesTheFileExactly() {
        const auto expected = sampleTimestamps();
        TraceReplaySpec spec = timestampSpec();
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(generateAll(traceArrivals(spec)), expected);

        const auto api = sampleTimestamps("api");
        TraceReplaySpec apiSpec = timestampSpec("api");
        QVERIFY(!TraceProfiler::profile(apiSpec));
        QCOMPARE(generateAll(traceArrivals(apiSpec)), api);
    }

    void timeScaleAndRepeat() {
        const auto expected = sampleTimestamps();
        TraceReplaySpec spec = timestampSpec();
        QVERIFY(!TraceProfiler::profile(spec));
        spec.timeScale = 0.5;
        spec.repeat = true;
        const ArrivalSpec arrivals = traceArrivals(spec);
        const auto times = generateAll(arrivals, 1, 3 * expected.size());
        QCOMPARE(times.size(), 3 * expected.size());
        for (std::size_t pass = 0; pass < 3; ++pass) {
            for (std::size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(times[pass * expected.size() + i],
                         (600.0 * static_cast<double>(pass) + expected[i]) * 0.5);
            }
        }
        // Twice as fast, repeated: the rate doubles and 3 passes fit in 900 s.
        QCOMPARE(arrivals.meanRate(), SampleArrivals / 300.0);
        QCOMPARE(arrivals.expectedArrivals(900.0), 3.0 * SampleArrivals);
        QCOMPARE(arrivals.expectedRateAt(330.0), arrivals.expectedRateAt(30.0));
    }

    void azureMinutesKeepTheirCounts() {
        TraceReplaySpec spec = azureSpec("http");
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(spec.arrivals, std::uint64_t(HttpDayTotal));
        QCOMPARE(spec.binCounts.size(), std::size_t(1440));
        QCOMPARE(spec.spanS(), 86400.0);
        for (const auto spread :
             {TraceReplaySpec::Spread::Uniform, TraceReplaySpec::Spread::Even}) {
            spec.spread = spread;
            const auto times = generateAll(traceArrivals(spec), 11);
            QCOMPARE(times.size(), std::size_t(HttpDayTotal));
            QVERIFY(std::is_sorted(times.begin(), times.end()));
            std::vector<std::uint32_t> perMinute(1440, 0);
            for (const double t : times) {
                QVERIFY(t >= 0.0 && t < 86400.0);
                ++perMinute[static_cast<std::size_t>(t / 60.0)];
            }
            QCOMPARE(perMinute, spec.binCounts);
        }
    }

    void evenSpreadPlacesArrivalsAtMidpoints() {
        TraceReplaySpec spec = azureSpec("timer");
        spec.spread = TraceReplaySpec::Spread::Even;
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(spec.arrivals, std::uint64_t(96));
        const auto times = generateAll(traceArrivals(spec));
        QCOMPARE(times.size(), std::size_t(96));
        // One invocation every 15th minute, placed at the middle of it.
        for (const double t : times) {
            const double minute = std::floor(t / 60.0);
            QCOMPARE(t - 60.0 * minute, 30.0);
        }
    }

    void uniformSpreadIsUniformWithinTheMinute() {
        // Position within the minute, as a fraction: U(0,1) with mean 1/2
        // and variance 1/12 if the order-statistics construction is right;
        // the share in the first quarter is 1/4.
        TraceReplaySpec spec = azureSpec("http");
        QVERIFY(!TraceProfiler::profile(spec));
        const auto times = generateAll(traceArrivals(spec), 3);
        std::vector<double> fractions;
        double firstQuarter = 0;
        for (const double t : times) {
            const double f = t / 60.0 - std::floor(t / 60.0);
            fractions.push_back(f);
            firstQuarter += f < 0.25 ? 1 : 0;
        }
        const double n = static_cast<double>(fractions.size());
        const double mean = std::accumulate(fractions.begin(), fractions.end(), 0.0) / n;
        const double z = test::normalCriticalValue(0.999);
        QVERIFY2(std::abs(mean - 0.5) <= z * std::sqrt(1.0 / 12.0 / n),
                 qPrintable(QString("mean fraction %1").arg(mean)));
        FAASLAB_VERIFY_CHECK(test::checkProportion(firstQuarter, n, 0.25));
        // Seeded: the same seed gives the same times, another seed others.
        QCOMPARE(generateAll(traceArrivals(spec), 3), times);
        QVERIFY(generateAll(traceArrivals(spec), 4) != times);
    }

    void azureRatesFromTheProfile() {
        TraceReplaySpec spec = azureSpec("http");
        QVERIFY(!TraceProfiler::profile(spec));
        const ArrivalSpec arrivals = traceArrivals(spec);
        QCOMPARE(arrivals.meanRate(), HttpDayTotal / 86400.0);
        QCOMPARE(arrivals.expectedArrivals(43200.0), 29297.0); // first 720 minutes (awk)
        QCOMPARE(arrivals.peakRate(), 92.0 / 60.0);
    }

    void scenarioReadsATraceBesideIt() {
        const auto read = readBesideTraces(scenarioWith(
            R"({"process": "trace", "file": "sample-timestamps.csv", "function": "api"})"));
        QVERIFY2(read.ok(), firstMessage(read).c_str());
        const ArrivalSpec& arrivals = read.scenario->workload.arrivals;
        QCOMPARE(arrivals.process, ArrivalSpec::Process::Trace);
        QCOMPARE(arrivals.trace.arrivals, std::uint64_t(SampleApiArrivals));
        QCOMPARE(arrivals.trace.resolvedPath, test::resourcePath("traces/sample-timestamps.csv"));

        // Written back as written, and read again to the same scenario.
        const std::string written = scenarioToText(*read.scenario);
        QVERIFY(written.find("\"file\": \"sample-timestamps.csv\"") != std::string::npos);
        const auto again = readBesideTraces(written);
        QVERIFY2(again.ok(), firstMessage(again).c_str());
        QVERIFY(*again.scenario == *read.scenario);
    }

    void readFileResolvesAgainstTheScenarioFolder() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = dir.path().toStdString();
        {
            std::ofstream trace(folder + "/mine.csv");
            trace << "0.5\n1.5\n2.5\n";
            std::ofstream scenario(folder + "/s.json");
            scenario << scenarioWith(R"({"process": "trace", "file": "mine.csv"})");
        }
        const auto read = ScenarioReader().readFile(folder + "/s.json");
        QVERIFY2(read.ok(), firstMessage(read).c_str());
        QCOMPARE(read.scenario->workload.arrivals.trace.arrivals, std::uint64_t(3));
    }

    void runReplaysEveryArrival() {
        // 600 s of the sample: every one of its arrivals is simulated, and
        // every architecture sees the same ones.
        const auto read = readBesideTraces(
            scenarioWith(R"({"process": "trace", "file": "sample-timestamps.csv"})"));
        QVERIFY2(read.ok(), firstMessage(read).c_str());
        const auto results = test::replicateAll(*read.scenario, 0, 2);
        for (const auto& r : results) {
            QCOMPARE(r.metrics.value(metric::Arrived), double(SampleArrivals));
        }
        QCOMPARE(results[0].metrics.value(metric::LatencyMean),
                 results[1].metrics.value(metric::LatencyMean)); // a trace is not random
    }

    void companionFilesSetServiceTimeAndMemory() {
        const auto read = readBesideTraces(scenarioWith(
            R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv",
                "select": {"trigger": "http", "top_n": 1},
                "durations_file": "sample-azure-durations.d01.csv",
                "memory_file": "sample-azure-memory.d01.csv"})",
            ""));
        QVERIFY2(read.ok(), firstMessage(read).c_str());
        const WorkloadSpec& w = read.scenario->workload;
        QCOMPARE(w.arrivals.trace.arrivals, std::uint64_t(57583));
        // App 4cc76eb2...: AverageAllocatedMb 236.
        QCOMPARE(w.memoryMb, 236.0);
        QCOMPARE(w.serviceTimeS.kind, DistributionSpec::Kind::Empirical);
        QCOMPARE(w.serviceTimeS.samples.size(), std::size_t(TraceProfiler::ServiceTimeSamples));
        // Percentiles 18, 27, 64, 91, 137, 364, 546 ms at 0, 1, 25, 50, 75,
        // 99, 100 %: the mean of the piecewise-linear distribution is
        // sum (p2 - p1)(x1 + x2)/2 = 123.69 ms, the trace's Average; the
        // quantile midpoints integrate each linear piece exactly because the
        // percent levels fall on the 1/200 grid.
        const auto& s = w.serviceTimeS.samples;
        const double mean =
            std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
        QVERIFY2(std::abs(mean - 0.12369) < 1e-9, qPrintable(QString::number(mean, 'g', 12)));
        QVERIFY(std::is_sorted(s.begin(), s.end()));
        QVERIFY(s.front() >= 0.018 && s.back() <= 0.546);

        // Written back without the values the files give.
        const std::string written = scenarioToText(*read.scenario);
        QVERIFY(written.find("service_time_s") == std::string::npos);
        QVERIFY(written.find("memory_mb") == std::string::npos);
        const auto again = readBesideTraces(written);
        QVERIFY2(again.ok(), firstMessage(again).c_str());
        QVERIFY(*again.scenario == *read.scenario);
    }

    void badTraceInputIsReportedWhereItIs_data() {
        QTest::addColumn<QString>("arrivals");
        QTest::addColumn<QString>("workload");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QString usual =
            R"("service_time_s": {"dist": "deterministic", "value": 0.1}, "memory_mb": 512)";
        QTest::newRow("missing file")
            << R"({"process": "trace", "file": "nope.csv"})" << usual << "workload.arrivals.file"
            << "cannot open trace file \"nope.csv\"";
        QTest::newRow("no file") << R"({"process": "trace"})" << usual << "workload.arrivals.file"
                                 << "";
        QTest::newRow("unknown function")
            << R"({"process": "trace", "file": "sample-timestamps.csv", "function": "apj"})"
            << usual << "workload.arrivals.file"
            << "has no arrival of function \"apj\"";
        QTest::newRow("azure key on timestamps")
            << R"({"process": "trace", "file": "sample-timestamps.csv", "select": {"top_n": 1}})"
            << usual << "workload.arrivals.select"
            << "is not used with format \"timestamps\"";
        QTest::newRow("timestamps key on azure")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "function": "x"})"
            << usual << "workload.arrivals.function"
            << "is not used with format \"azure\"";
        QTest::newRow("bad format")
            << R"({"process": "trace", "format": "azur", "file": "sample-azure.d01.csv"})" << usual
            << "workload.arrivals.format"
            << "azure";
        QTest::newRow("no such trigger")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "select": {"trigger": "htp"}})"
            << usual << "workload.arrivals.file"
            << "sample-azure.d01.csv";
        QTest::newRow("unknown hash")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "select": {"hashes": ["abc"]}})"
            << usual << "workload.arrivals.file"
            << "abc";
        QTest::newRow("empty hash")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "select": {"hashes": [""]}})"
            << usual << "workload.arrivals.select.hashes[0]"
            << "non-empty string";
        QTest::newRow("time scale 0")
            << R"({"process": "trace", "file": "sample-timestamps.csv", "time_scale": 0})" << usual
            << "workload.arrivals.time_scale"
            << "";
        QTest::newRow("service time twice")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "durations_file": "sample-azure-durations.d01.csv"})"
            << usual << "workload.service_time_s"
            << "give one or the other";
        QTest::newRow("missing durations file")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "durations_file": "d.csv"})"
            << R"("memory_mb": 512)"
            << "workload.arrivals.durations_file"
            << "cannot open trace file \"d.csv\"";
        QTest::newRow("missing memory file")
            << R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "memory_file": "m.csv"})"
            << R"("service_time_s": {"dist": "exponential", "mean": 0.1})"
            << "workload.arrivals.memory_file"
            << "cannot open trace file \"m.csv\"";
        QTest::newRow("trace key on poisson")
            << R"({"process": "poisson", "rate_per_s": 1, "file": "x.csv"})" << usual
            << "workload.arrivals.file"
            << "it belongs to process \"trace\"";
    }

    void badTraceInputIsReportedWhereItIs() {
        QFETCH(QString, arrivals);
        QFETCH(QString, workload);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto read =
            readBesideTraces(scenarioWith(arrivals.toStdString(), workload.toStdString()));
        QVERIFY(!read.ok());
        bool found = false;
        for (const Diagnostic& d : read.diagnostics.items()) {
            found = found || (d.path == path.toStdString() &&
                              d.message.find(message.toStdString()) != std::string::npos);
        }
        QVERIFY2(found, read.diagnostics.format("scenario").c_str());
    }

    void malformedTraceLineNamesFileLineAndColumn() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        {
            std::ofstream trace(folder + "/broken.csv");
            trace << "timestamp_s\n0.5\n1.x\n";
        }
        ScenarioReader reader;
        reader.setBaseDirectory(folder);
        const auto read =
            reader.readText(scenarioWith(R"({"process": "trace", "file": "broken.csv"})"));
        QVERIFY(!read.ok());
        const Diagnostic& d = read.diagnostics.items().front();
        QCOMPARE(d.path, std::string("workload.arrivals.file"));
        // Column 3: where "1.x" stops being a number.
        QVERIFY2(d.message.find("trace file \"broken.csv\", line 3, column 3") != std::string::npos,
                 d.message.c_str());
        QVERIFY(d.line > 0); // and where in the scenario the file is named
    }

    // Profiles are reused while the file is unchanged (re-validating in the
    // GUI must not stream a large trace again) and redone as soon as it
    // changes: a fixed line makes the same scenario valid, an added one is
    // counted.
    void profilesFollowTheFileNotACache() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/calls.csv";
        auto write = [&](const char* text) {
            std::ofstream trace(path, std::ios::trunc);
            trace << text;
        };
        TraceReplaySpec spec = timestampSpec();
        spec.file = "calls.csv";
        spec.resolvedPath = path;

        write("1\n2\n3\n");
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(spec.arrivals, std::uint64_t(3));
        TraceReplaySpec again = spec;
        again.arrivals = 0;
        again.binCounts.clear();
        QVERIFY(!TraceProfiler::profile(again));
        QCOMPARE(again.arrivals, std::uint64_t(3));
        QVERIFY(again.binCounts == spec.binCounts);

        write("1\n2\n3\n4.5\n");
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(spec.arrivals, std::uint64_t(4));

        write("1\n2\nthree\n4.5\n");
        const auto problem = TraceProfiler::profile(spec);
        QVERIFY(problem);
        QCOMPARE(problem->file, TraceProblem::File::Trace);
        QVERIFY2(problem->message.find("line 3, column 1") != std::string::npos,
                 problem->message.c_str());
        QVERIFY(TraceProfiler::profile(spec) == problem); // the same answer from the cache

        write("1\n2\n3.5\n4.5\n");
        QVERIFY(!TraceProfiler::profile(spec));
        QCOMPARE(spec.arrivals, std::uint64_t(4));
    }

    void applicationTriggersReplayTraces() {
        const std::string text = R"({"format": "faaslab.scenario/2", "name": "app trace",
  "simulation": {"duration_s": 600, "warmup_s": 0, "seed": 7, "replications": 1},
  "application": {
    "functions": [{"name": "api", "service_time_s": {"dist": "deterministic", "value": 0.05}, "memory_mb": 256}],
    "triggers": [{"name": "web", "type": "http", "function": "api",
                  "arrivals": {"process": "trace", "file": "sample-timestamps.csv", "function": "api"}}]},
  "architectures": [{"name": "Lambda", "type": "serverless", "cold_start_s": {"dist": "deterministic", "value": 0.3}, "pricing": "aws-lambda-x86"}]})";
        const auto read = readBesideTraces(text);
        QVERIFY2(read.ok(), firstMessage(read).c_str());
        const auto results = test::replicateAll(*read.scenario, 0, 1);
        QCOMPARE(results[0].metrics.value(metric::Arrived), double(SampleApiArrivals));

        // Companion files are a format-1 workload's.
        std::string withCompanion = text;
        const std::string from =
            R"({"process": "trace", "file": "sample-timestamps.csv", "function": "api"})";
        withCompanion.replace(
            withCompanion.find(from), from.size(),
            R"({"process": "trace", "format": "azure", "file": "sample-azure.d01.csv", "memory_file": "sample-azure-memory.d01.csv"})");
        const auto refused = readBesideTraces(withCompanion);
        QVERIFY(!refused.ok());
        QVERIFY2(firstMessage(refused).find("format 1 workloads only") != std::string::npos,
                 firstMessage(refused).c_str());
    }
};

QTEST_APPLESS_MAIN(TstTraceReplay)
#include "tst_trace_replay.moc"
