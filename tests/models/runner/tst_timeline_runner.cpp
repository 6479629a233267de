// The timeline of a serverless architecture agrees with the run's own
// metrics over the same window, and a window recorded alone holds exactly
// what the same window of a longer recording holds.

#include "models/report/timeline_writer.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/runner/timeline_runner.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

using namespace faaslab;

namespace {

// Cold starts (60 s keep-alive against gaps of ~0.5 s on average but bursts
// and lulls), throttling (at most 3 instances), timeouts (2 s limit on an
// exponential service time of mean 0.5 s) in one function.
const char* const Teaching = R"({
  "format": "faaslab.scenario/1", "name": "timeline",
  "simulation": { "duration_s": 3600, "warmup_s": 300, "seed": 7, "replications": 2 },
  "workload": { "arrivals": { "process": "on_off", "rate_on_per_s": 6, "rate_off_per_s": 0.05,
                              "mean_on_s": 20, "mean_off_s": 120 },
                "service_time_s": { "dist": "exponential", "mean": 0.5 },
                "memory_mb": 512 },
  "architectures": [
    { "name": "vm", "type": "vm", "instances": 1, "pricing": "aws-ec2-t3-medium" },
    { "name": "fn", "type": "serverless", "max_instances": 3, "keep_alive_s": 60,
      "timeout_s": 2, "cold_start_s": { "dist": "exponential", "mean": 0.8 },
      "pricing": "aws-lambda-x86" } ] })";

// The same bursts on containers that scale from zero (5 s start-up, 4
// requests at once, at most 2) and on a VM fleet that scales between 1 and
// 3 (60 s boot) with a small waiting room: start-ups, queueing, rejections
// and scale-in.
const char* const Fleets = R"({
  "format": "faaslab.scenario/1", "name": "fleets",
  "simulation": { "duration_s": 7200, "warmup_s": 300, "seed": 3 },
  "workload": { "arrivals": { "process": "on_off", "rate_on_per_s": 12, "rate_off_per_s": 0.02,
                              "mean_on_s": 60, "mean_off_s": 600 },
                "service_time_s": { "dist": "exponential", "mean": 0.4 },
                "memory_mb": 512 },
  "architectures": [
    { "name": "run", "type": "container", "vcpu": 1, "memory_mb": 1024,
      "concurrency_per_instance": 4, "min_instances": 0, "max_instances": 2,
      "queue_timeout_s": 3, "startup_s": { "dist": "deterministic", "value": 5 },
      "autoscaler": { "scale_down_delay_s": 30 }, "pricing": "gcp-cloud-run-request" },
    { "name": "ec2", "type": "vm", "instances": 1, "queue_capacity": 5, "queue_timeout_s": 10,
      "autoscaling": { "min_instances": 1, "max_instances": 3, "metric_period_s": 30,
                       "cooldown_s": 60,
                       "boot_s": { "dist": "deterministic", "value": 60 } },
      "pricing": "aws-ec2-t3-medium" } ] })";

double overlap(double a, double b, double from, double to) {
    return std::max(0.0, std::min(b, to) - std::max(a, from));
}

} // namespace

class TimelineRunnerTest : public QObject {
    Q_OBJECT

private slots:
    // Over the measured window, recorded from time 0 so that work already
    // running at the end of warm-up is included in the integrals.
    void agreesWithTheRunsMetrics() {
        const Scenario s = test::scenarioFromJson(Teaching);
        QVERIFY(!timelineUnsupported(s, 1));
        const double from = s.simulation.warmupS;
        const double to = s.simulation.durationS;
        for (int replication = 0; replication < 2; ++replication) {
            const MetricValues m = runReplication(s, 1, replication).metrics;
            TimelineWindow window;
            window.fromS = 0.0;
            window.toS = to;
            const TimelineOutput t = recordTimeline(s, 1, replication, window);
            QVERIFY(!t.truncated);
            double arrived = 0, completed = 0, rejected = 0, timedOut = 0, cold = 0, busy = 0;
            std::map<std::uint64_t, double> started;
            double alive = 0.0; // integral of the instances alive over [from, to]
            for (const TimelineRecord& r : t.records) {
                switch (r.kind) {
                case TimelineRecordKind::Request: {
                    const auto outcome = static_cast<RequestOutcome>(r.detail);
                    // One request per instance: the instance is busy from
                    // the arrival (its cold start included) to the end.
                    if (outcome != RequestOutcome::Rejected) {
                        busy += overlap(r.time, r.end, from, to);
                    }
                    if (r.time < from) {
                        break;
                    }
                    ++arrived;
                    completed += outcome == RequestOutcome::Completed ? 1 : 0;
                    rejected += outcome == RequestOutcome::Rejected ? 1 : 0;
                    timedOut += outcome == RequestOutcome::TimedOut ? 1 : 0;
                    cold += r.coldStart ? 1 : 0;
                    break;
                }
                case TimelineRecordKind::InstanceStarted:
                    started[r.instance] = r.time;
                    break;
                case TimelineRecordKind::InstanceEnded:
                    QVERIFY(started.count(r.instance) == 1);
                    alive += overlap(started[r.instance], r.time, from, to);
                    started.erase(r.instance);
                    break;
                }
            }
            for (const auto& [id, since] : started) {
                alive += overlap(since, to, from, to); // lifelines open at the end
            }
            QVERIFY2(rejected > 10 && timedOut > 10 && cold > 10, "the scenario shows all three");
            QCOMPARE(arrived, m.value(metric::Arrived));
            QCOMPARE(completed, m.value(metric::Completed));
            QCOMPARE(rejected, m.value(metric::Rejected));
            QCOMPARE(timedOut, m.value(metric::TimedOut));
            QCOMPARE(cold, m.value(metric::ColdStarts));
            const double span = to - from;
            QVERIFY2(std::fabs(busy - m.value(metric::InstancesBusyMean) * span) <= 1e-9 * busy,
                     qPrintable(QString("busy %1 vs %2")
                                    .arg(busy)
                                    .arg(m.value(metric::InstancesBusyMean) * span)));
            QVERIFY2(std::fabs(alive - m.value(metric::InstancesMean) * span) <= 1e-9 * alive,
                     qPrintable(QString("alive %1 vs %2")
                                    .arg(alive)
                                    .arg(m.value(metric::InstancesMean) * span)));
        }
    }

    // Containers and VMs learn a request's course later (it may wait or
    // share an instance): every request that arrived in the window is still
    // recorded, once, with the run's counts; the lifelines integrate to the
    // instance count; on a VM each request holds a core from start to end.
    void containersAndVmsAgreeWithTheirMetrics() {
        const Scenario s = test::scenarioFromJson(Fleets);
        const double from = s.simulation.warmupS;
        const double to = s.simulation.durationS;
        for (std::size_t a = 0; a < 2; ++a) {
            QVERIFY(!timelineUnsupported(s, a));
            const MetricValues m = runReplication(s, a, 0).metrics;
            const TimelineOutput t = recordTimeline(s, a, 0, TimelineWindow{0.0, to, 1000000});
            double arrived = 0, completed = 0, rejected = 0, cold = 0, cores = 0, alive = 0;
            double started = 0, ended = 0;
            std::map<std::uint64_t, double> since;
            std::set<std::uint64_t> requests;
            for (const TimelineRecord& r : t.records) {
                if (r.kind == TimelineRecordKind::InstanceStarted) {
                    since[r.instance] = r.time;
                    ++started;
                } else if (r.kind == TimelineRecordKind::InstanceEnded) {
                    alive += overlap(since.at(r.instance), r.time, from, to);
                    since.erase(r.instance);
                    ++ended;
                } else {
                    QVERIFY(requests.insert(r.request).second); // once each
                    const auto outcome = static_cast<RequestOutcome>(r.detail);
                    if (outcome != RequestOutcome::Rejected) {
                        cores += overlap(r.start, r.end, from, to);
                    }
                    QVERIFY(r.time <= r.start && r.start <= r.end);
                    if (r.time < from) {
                        continue;
                    }
                    ++arrived;
                    completed += outcome == RequestOutcome::Completed ? 1 : 0;
                    rejected += outcome == RequestOutcome::Rejected ? 1 : 0;
                    cold += r.coldStart ? 1 : 0;
                }
            }
            for (const auto& [id, t0] : since) {
                alive += overlap(t0, to, from, to);
            }
            const QString arch = QString::fromStdString(s.architectures[a].name);
            QVERIFY2(rejected > 0 && cold > 0 && ended > 0,
                     qPrintable(arch + QString(": rejected %1, cold %2, ended %3")
                                           .arg(rejected)
                                           .arg(cold)
                                           .arg(ended)));
            QCOMPARE(arrived, m.value(metric::Arrived));
            QCOMPARE(completed, m.value(metric::Completed));
            QCOMPARE(rejected, m.value(metric::Rejected));
            QCOMPARE(cold, m.value(metric::ColdStarts));
            const double span = to - from;
            QVERIFY2(std::fabs(alive - m.value(metric::InstancesMean) * span) <= 1e-9 * alive,
                     qPrintable(arch + QString(": alive %1 vs %2")
                                           .arg(alive)
                                           .arg(m.value(metric::InstancesMean) * span)));
            if (a == 1) {
                // Busy cores = utilisation x cores in the fleet (2 vCPUs each).
                const double busyCores =
                    m.value(metric::Utilization) * m.value(metric::InstancesMean) * 2.0 * span;
                QVERIFY2(std::fabs(cores - busyCores) <= 1e-6 * cores,
                         qPrintable(QString("cores %1 vs %2").arg(cores).arg(busyCores)));
            }
        }
    }

    // Recording [1200, 1500] alone gives the records of that window of a
    // recording from 0: the run is the same, only stopped earlier. The
    // instances alive when the window opens come first, with their own
    // creation times.
    void aWindowAloneEqualsTheSameWindowOfALongerRecording() {
        const Scenario s = test::scenarioFromJson(Teaching);
        TimelineWindow whole{0.0, 3600.0, 1000000};
        TimelineWindow part{1200.0, 1500.0, 1000000};
        const TimelineOutput all = recordTimeline(s, 1, 0, whole);
        const TimelineOutput some = recordTimeline(s, 1, 0, part);
        std::vector<TimelineRecord> expected;
        std::map<std::uint64_t, TimelineRecord> aliveAtStart;
        for (const TimelineRecord& r : all.records) {
            if (r.kind == TimelineRecordKind::InstanceStarted && r.time < part.fromS) {
                aliveAtStart[r.instance] = r;
            } else if (r.kind == TimelineRecordKind::InstanceEnded && r.time < part.fromS) {
                aliveAtStart.erase(r.instance);
            } else if (r.time >= part.fromS && r.time <= part.toS) {
                expected.push_back(r);
            }
        }
        std::vector<TimelineRecord> opening;
        for (const auto& [id, r] : aliveAtStart) {
            opening.push_back(r);
        }
        expected.insert(expected.begin(), opening.begin(), opening.end());
        QVERIFY(expected.size() > 100);
        QCOMPARE(some.records.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const TimelineRecord& a = some.records[i];
            const TimelineRecord& b = expected[i];
            QVERIFY2(a.kind == b.kind && a.time == b.time && a.start == b.start && a.end == b.end &&
                         a.request == b.request && a.instance == b.instance &&
                         a.detail == b.detail && a.coldStart == b.coldStart &&
                         a.provisioned == b.provisioned,
                     qPrintable(QString("record %1 differs").arg(i)));
        }
        QVERIFY(timelineToCsv(recordTimeline(s, 1, 0, part)) == timelineToCsv(some));
    }

    // At the limit recording stops for good and says when; nothing beyond
    // the limit is kept.
    void stopsAtTheLimitAndSaysWhen() {
        const Scenario s = test::scenarioFromJson(Teaching);
        const TimelineOutput t = recordTimeline(s, 1, 0, TimelineWindow{300.0, 3600.0, 100});
        QVERIFY(t.truncated);
        QCOMPARE(t.records.size(), std::size_t{100});
        QVERIFY(t.truncatedAtS >= t.records.back().time);
        QVERIFY(t.truncatedAtS < 3600.0);
        const std::string csv = timelineToCsv(t);
        QVERIFY(csv.find("# truncated at: ") != std::string::npos);
    }

    void saysWhichScenariosItCannotRecord() {
        std::ifstream in(test::resourcePath("scenarios/image-pipeline.json"));
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        const auto why = timelineUnsupported(test::scenarioFromJson(text), 0);
        QVERIFY(why.has_value());
        QCOMPARE(*why, std::string("timelines of applications (scenario format 2) are not "
                                   "recorded by this version"));
    }
};

QTEST_APPLESS_MAIN(TimelineRunnerTest)
#include "tst_timeline_runner.moc"
