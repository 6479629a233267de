// Keep-alive policies (fixed, none, hybrid histogram) and the idle
// memory-time they spend. Closed forms where there are: with Poisson arrivals
// and a fixed keep-alive T, P(cold) = e^(-lambda (T + b)) + (1 - e^(-lambda b))
// and the idle memory-time per request is m (1 - e^(-lambda T)) / lambda;
// with periodic arrivals every window is known exactly and so is every
// number, checked to rounding.

#include "models/platforms/hybrid_histogram_policy.h"
#include "models/platforms/idle_time_histogram.h"
#include "models/results/metric_keys.h"
#include "models/scenario/scenario_reader.h"
#include "models/scenario/scenario_writer.h"
#include "tests/support/broken_rules.h"
#include "tests/support/statistical_checks.h"
#include "tests/support/test_scenarios.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace faaslab;
using Json = nlohmann::json;

namespace {

// One serverless architecture; `policy` is spliced into it.
std::string scenario(const std::string& arrivals, double duration, double warmup,
                     const std::string& policy) {
    return R"({ "format": "faaslab.scenario/1", "name": "keep-alive",
      "simulation": { "duration_s": )" +
           std::to_string(duration) + R"(, "warmup_s": )" + std::to_string(warmup) +
           R"(, "seed": 11 },
      "workload": { "arrivals": )" +
           arrivals + R"(, "service_time_s": { "dist": "deterministic", "value": 0.1 },
                    "memory_mb": 512 },
      "architectures": [ { "name": "F", "type": "serverless",
        "cold_start_s": { "dist": "deterministic", "value": 0 }, )" +
           policy + R"(, "pricing": "aws-lambda-x86" } ] })";
}

// A request every 600 s (at 600, 1200, ...), measured over 100 periods
// starting mid-period, after 20 periods of learning.
const char* Periodic = R"({ "process": "constant", "rate_per_s": 0.0016666666666666668 })";
constexpr double PeriodicWarmup = 12300.0;
constexpr double PeriodicDuration = 72300.0;

ReplicationResult runOnce(const std::string& json) {
    return test::replicateAll(test::scenarioFromJson(json), 0, 1).front();
}

bool near(double actual, double expected) {
    return std::fabs(actual - expected) <= 1e-6 * std::max(1.0, std::fabs(expected));
}

#define VERIFY_NEAR(actual, expected)                                                              \
    QVERIFY2(near((actual), (expected)), qPrintable(QString("%1 = %2, expected %3")                \
                                                        .arg(#actual)                              \
                                                        .arg((actual), 0, 'g', 12)                 \
                                                        .arg((expected), 0, 'g', 12)))

const char* BaseForErrors = R"({ "format": "faaslab.scenario/1", "name": "errors",
  "simulation": { "duration_s": 3600 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 1 },
                "service_time_s": { "dist": "deterministic", "value": 0.1 }, "memory_mb": 512 },
  "architectures": [ { "name": "F", "type": "serverless", "keep_alive_s": 600,
                       "keep_alive_policy": "hybrid_histogram",
                       "hybrid_histogram": { "range_s": 14400, "bin_s": 60 },
                       "pricing": "aws-lambda-x86" } ] })";

} // namespace

class KeepAlivePolicyTest : public QObject {
    Q_OBJECT

private slots:
    // Counts 30, 90, 90 s in range and 700 s out of a 600 s range of 60 s bins.
    void histogramPercentilesAndSpreadByHand() {
        IdleTimeHistogram h(600.0, 60.0);
        for (const double idle : {30.0, 90.0, 90.0, 700.0}) {
            h.add(idle);
        }
        QCOMPARE(h.binCount(), std::size_t(10));
        QCOMPARE(h.total(), std::uint64_t(4));
        QCOMPARE(h.outOfRange(), std::uint64_t(1));
        QCOMPARE(h.percentileBin(25), 0L);   // 1 of 4
        QCOMPARE(h.percentileBin(50), 1L);   // 2 of 4
        QCOMPARE(h.percentileBin(75), 1L);   // 3 of 4
        QCOMPARE(h.percentileBin(100), -1L); // the 4th is out of range
        // Bin counts 1, 2, 0 x 8: mean 0.3, variance (0.49 + 2.89 + 8 x 0.09) / 10.
        QVERIFY(std::fabs(h.binCountCv() - std::sqrt(0.41) / 0.3) < 1e-12);
        QCOMPARE(IdleTimeHistogram(600.0, 60.0).percentileBin(50), -1L);
    }

    // 99 % of 100 idle times is exactly the 99th, not one short by rounding.
    void percentileThresholdIsExact() {
        IdleTimeHistogram h(14400.0, 60.0);
        for (int i = 0; i < 99; ++i) {
            h.add(10.0);
        }
        h.add(6000.0);
        QCOMPARE(h.percentileBin(99), 0L);
        QCOMPARE(h.percentileBin(99.5), 100L);
    }

    // Idle times of 599.9 s: bin [540, 600). Pre-warm 540 x 0.9 = 486 s, keep
    // alive until 600 x 1.1 = 660 s, so 174 s.
    void windowsFromAConcentratedHistogram() {
        HybridHistogramSettings settings;
        settings.minIdleTimes = 3;
        HybridHistogramPolicy policy(settings, 600.0);
        policy.recordIdleTime(599.9);
        policy.recordIdleTime(599.9);
        QCOMPARE(policy.windows(), (KeepAliveWindows{0.0, 600.0, false}));
        policy.recordIdleTime(599.9);
        const KeepAliveWindows w = policy.windows();
        QVERIFY(w.fromHistogram);
        QVERIFY(std::fabs(w.prewarmS - 486.0) < 1e-9);
        QVERIFY(std::fabs(w.keepAliveS - 174.0) < 1e-9);
    }

    // Every bin once: CV 0, nothing to learn; mostly out of range: the tail
    // is unknown. Both fall back to the fixed keep-alive.
    void fallsBackWhenTheHistogramSaysNothing() {
        HybridHistogramPolicy flat(HybridHistogramSettings{}, 600.0);
        for (int bin = 0; bin < 240; ++bin) {
            flat.recordIdleTime(bin * 60.0 + 30.0);
        }
        QCOMPARE(flat.windows(), (KeepAliveWindows{0.0, 600.0, false}));

        HybridHistogramPolicy far(HybridHistogramSettings{}, 600.0);
        for (int i = 0; i < 20; ++i) {
            far.recordIdleTime(i < 18 ? 100.0 : 50000.0);
        }
        QCOMPARE(far.windows(), (KeepAliveWindows{0.0, 600.0, false}));
    }

    // Poisson arrivals, fixed T = 60 s, b = 0.1 s, lambda = 0.01/s, 512 MB.
    void fixedPolicyMatchesTheExponentialClosedForms() {
        const double lambda = 0.01, keepAlive = 60.0, busy = 0.1, gb = 0.5;
        const Scenario s = test::scenarioFromJson(scenario(
            R"({ "process": "poisson", "rate_per_s": 0.01 })", 400000, 0, R"("keep_alive_s": 60)"));
        const auto reps = test::replicateAll(s, 0, 30);
        std::vector<double> cold, idle;
        for (const ReplicationResult& r : reps) {
            cold.push_back(r.metrics.value(metric::ColdStartProbability));
            idle.push_back(r.metrics.value(metric::IdleMemoryGbSPerRequest));
        }
        const double expectedCold =
            std::exp(-lambda * (keepAlive + busy)) + (1.0 - std::exp(-lambda * busy));
        FAASLAB_VERIFY_CHECK(test::checkMean(cold, expectedCold));
        // After each request the instance idles min(A, T), A ~ Exp(lambda)
        // by memorylessness (overlaps, probability ~1e-3, shorten it by < b).
        const double expectedIdle = gb * (1.0 - std::exp(-lambda * keepAlive)) / lambda;
        FAASLAB_VERIFY_CHECK(test::checkMean(idle, expectedIdle));
    }

    // No keep-alive: every request is cold and no memory is ever idle.
    void nonePolicyIsAlwaysColdAndNeverIdle() {
        const ReplicationResult r = runOnce(
            scenario(Periodic, PeriodicDuration, PeriodicWarmup, R"("keep_alive_policy": "none")"));
        QCOMPARE(r.metrics.value(metric::Arrived), 100.0);
        QCOMPARE(r.metrics.value(metric::ColdStarts), 100.0);
        QCOMPARE(r.metrics.value(metric::IdleMemoryGbS), 0.0);
        // Even requests that arrive together are cold: each needs its own
        // instance, and none survives its request.
        const ReplicationResult busy =
            runOnce(scenario(R"({ "process": "constant", "rate_per_s": 20 })", 100, 0,
                             R"("keep_alive_policy": "none")"));
        QCOMPARE(busy.metrics.value(metric::ColdStarts), busy.metrics.value(metric::Completed));
    }

    // Periodic requests: the fixed policy is either warm and idle all period
    // (T = 4 h: 599.9 s idle per request) or cold and idle T (T = 300 s).
    void fixedPolicyOnPeriodicRequestsByHand() {
        const ReplicationResult longer = runOnce(
            scenario(Periodic, PeriodicDuration, PeriodicWarmup, R"("keep_alive_s": 14400)"));
        QCOMPARE(longer.metrics.value(metric::ColdStarts), 0.0);
        VERIFY_NEAR(longer.metrics.value(metric::IdleMemoryGbS), 100 * 599.9 * 0.5);
        VERIFY_NEAR(longer.metrics.value(metric::IdleMemoryGbSPerRequest), 599.9 * 0.5);

        const ReplicationResult shorter =
            runOnce(scenario(Periodic, PeriodicDuration, PeriodicWarmup, R"("keep_alive_s": 300)"));
        QCOMPARE(shorter.metrics.value(metric::ColdStarts), 100.0);
        VERIFY_NEAR(shorter.metrics.value(metric::IdleMemoryGbS), 100 * 300 * 0.5);
    }

    // The hybrid policy learns the 600 s period (10 idle times, well before
    // the window), then unloads each instance for 486 s and pre-warms it in
    // time: no cold start, and only 600 - 486.1 = 113.9 s of idle memory per
    // request instead of 599.9 s.
    void hybridPolicyPrewarmsPeriodicRequestsByHand() {
        const ReplicationResult r =
            runOnce(scenario(Periodic, PeriodicDuration, PeriodicWarmup,
                             R"("keep_alive_s": 600, "keep_alive_policy": "hybrid_histogram")"));
        QCOMPARE(r.metrics.value(metric::Arrived), 100.0);
        QCOMPARE(r.metrics.value(metric::ColdStarts), 0.0);
        VERIFY_NEAR(r.metrics.value(metric::IdleMemoryGbS), 100 * 113.9 * 0.5);
        VERIFY_NEAR(r.metrics.value(metric::IdleMemoryGbSPerRequest), 113.9 * 0.5);
        VERIFY_NEAR(r.metrics.value(metric::InstancesMean), (100 * 114.0) / 60000.0);
    }

    // The pattern moves: 20 requests 600 s apart, then 30 requests 100 s
    // apart. Request 21 comes while its pre-warm (due 486 s after request
    // 20) is pending: it starts cold and that pre-warm is dropped. From then
    // on the head percentile is the [60, 120) bin: pre-warm 54 s, in time
    // for every request. Exactly 2 cold starts (the first request and
    // request 21), and never a second instance.
    void hybridPolicyDropsARedundantPrewarm() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("moving.csv");
        {
            std::ofstream out(path.toStdString());
            for (int k = 1; k <= 20; ++k) {
                out << k * 600 << "\n";
            }
            for (int k = 1; k <= 30; ++k) {
                out << 12000 + k * 100 << "\n";
            }
        }
        Json trace = {{"process", "trace"}, {"format", "timestamps"}, {"file", path.toStdString()}};
        const std::string arrivals = trace.dump();
        const ReplicationResult r = runOnce(scenario(
            arrivals, 16000, 0, R"("keep_alive_s": 600, "keep_alive_policy": "hybrid_histogram")"));
        QCOMPARE(r.metrics.value(metric::Arrived), 50.0);
        QCOMPARE(r.metrics.value(metric::Completed), 50.0);
        QCOMPARE(r.metrics.value(metric::ColdStarts), 2.0);
        QCOMPARE(r.metrics.value(metric::InstancesMax), 1.0);
    }

    void readsAndWritesThePolicy() {
        const Scenario s = test::scenarioFromJson(scenario(Periodic, 3600, 0, R"(
            "keep_alive_s": 900, "keep_alive_policy": "hybrid_histogram",
            "hybrid_histogram": { "range_s": 7200, "bin_s": 30, "head_percentile": 10,
                                  "tail_percentile": 95, "margin": 0.2, "min_idle_times": 4,
                                  "cv_threshold": 1.5 })"));
        const auto& c = std::get<ServerlessConfig>(s.architectures.front().config);
        QCOMPARE(c.keepAlivePolicy.kind, KeepAliveKind::HybridHistogram);
        QCOMPARE(c.keepAliveS, 900.0);
        const HybridHistogramSettings expected{7200, 30, 10, 95, 0.2, 4, 1.5};
        QVERIFY(c.keepAlivePolicy.hybrid == expected);
        const ScenarioReadResult again = ScenarioReader().readText(scenarioToText(s));
        QVERIFY(again.scenario.has_value());
        QVERIFY(again.scenario->architectures == s.architectures);

        // The default policy writes nothing new: old files stay as they were.
        const Scenario fixed =
            test::scenarioFromJson(scenario(Periodic, 3600, 0, R"("keep_alive_s": 60)"));
        const std::string text = scenarioToText(fixed);
        QVERIFY(text.find("keep_alive_policy") == std::string::npos);
        const Scenario none =
            test::scenarioFromJson(scenario(Periodic, 3600, 0, R"("keep_alive_policy": "none")"));
        const ScenarioReadResult noneAgain = ScenarioReader().readText(scenarioToText(none));
        QVERIFY(noneAgain.scenario.has_value());
        QCOMPARE(std::get<ServerlessConfig>(noneAgain.scenario->architectures.front().config)
                     .keepAlivePolicy.kind,
                 KeepAliveKind::None);
    }

    void reportsEachBrokenRule_data() {
        test::addBrokenRuleColumns();
        const char* arch = "/architectures/0/";
        auto row = [&](const char* name, const std::string& key, const char* value,
                       const char* path, const char* reason) {
            test::addBrokenRule(name, arch + key, value, path, reason);
        };
        row("unknown policy", "keep_alive_policy", R"("adaptive")",
            "architectures[0].keep_alive_policy", "hybrid_histogram");
        row("settings of another policy", "keep_alive_policy", R"("fixed")",
            "architectures[0].hybrid_histogram", "only read with keep_alive_policy");
        row("keep-alive without keep-alive", "keep_alive_policy", R"("none")",
            "architectures[0].keep_alive_s", "has no effect");
        row("bins wider than the range", "hybrid_histogram/bin_s", "20000",
            "architectures[0].hybrid_histogram.bin_s", "must not exceed range_s");
        row("too many bins", "hybrid_histogram/bin_s", "0.001",
            "architectures[0].hybrid_histogram.bin_s", "more than one million bins");
        row("head above tail", "hybrid_histogram/head_percentile", "99.5",
            "architectures[0].hybrid_histogram.tail_percentile", "must be above head_percentile");
        row("percentile over 100", "hybrid_histogram/tail_percentile", "101",
            "architectures[0].hybrid_histogram.tail_percentile", "at most 100");
        row("margin of 100 %", "hybrid_histogram/margin", "1",
            "architectures[0].hybrid_histogram.margin", "at most 0.95");
        row("no idle times", "hybrid_histogram/min_idle_times", "0",
            "architectures[0].hybrid_histogram.min_idle_times", "at least 1");
        row("fractional idle times", "hybrid_histogram/min_idle_times", "2.5",
            "architectures[0].hybrid_histogram.min_idle_times", "whole number");
        row("misspelt setting", "hybrid_histogram/tail_percentil", "95",
            "architectures[0].hybrid_histogram.tail_percentil", "tail_percentile");
        row("settings not an object", "hybrid_histogram", "[60]",
            "architectures[0].hybrid_histogram", "object");
    }
    void reportsEachBrokenRule() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const Json document = test::withBrokenRule(Json::parse(BaseForErrors),
                                                   pointer.toStdString(), value.toStdString());
        const std::string mismatch = test::brokenRuleMismatch(
            ScenarioReader().readText(document.dump(2)), path.toStdString(), reason.toStdString());
        QVERIFY2(mismatch.empty(), mismatch.c_str());
    }

    // The policy's keys belong to serverless architectures only.
    void policyKeysBelongToServerless() {
        Json document = Json::parse(BaseForErrors);
        Json& a = document["architectures"][0];
        a = Json{{"name", "VM"},
                 {"type", "vm"},
                 {"pricing", "aws-ec2-t3-medium"},
                 {"keep_alive_policy", "none"}};
        const ScenarioReadResult result = ScenarioReader().readText(document.dump(2));
        const Diagnostic* d = result.diagnostics.find("architectures[0].keep_alive_policy");
        QVERIFY(d != nullptr);
        QVERIFY2(d->message.find("serverless") != std::string::npos, d->message.c_str());
    }
};

QTEST_APPLESS_MAIN(KeepAlivePolicyTest)
#include "tst_keep_alive_policy.moc"
