#include "models/workload/request_source.h"

#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace faaslab;

namespace {

class RecordingSink final : public RequestSink {
public:
    void onArrival(const Request& request) override { requests.push_back(request); }
    std::vector<Request> requests;
};

std::vector<Request> generate(const WorkloadSpec& workload, std::uint64_t seed,
                              std::uint64_t replication, double horizon) {
    sim::Simulation simulation(horizon);
    RecordingSink sink;
    RequestSource source(workload, seed, replication, simulation, sink);
    source.start();
    simulation.run(sim::RunControl{});
    return sink.requests;
}

WorkloadSpec workload() {
    WorkloadSpec w;
    w.arrivals.process = ArrivalSpec::Process::Poisson;
    w.arrivals.ratePerS = 20.0;
    w.serviceTimeS = DistributionSpec::logNormal(0.3, 1.5);
    return w;
}

} // namespace

class RequestSourceTest : public QObject {
    Q_OBJECT

private slots:
    void sameSeedAndReplicationGiveTheIdenticalStream() {
        const auto a = generate(workload(), 42, 3, 500.0);
        const auto b = generate(workload(), 42, 3, 500.0);
        QCOMPARE(a.size(), b.size());
        QVERIFY(a.size() > 9000);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].id, std::uint64_t(i));
            QCOMPARE(a[i].arrival, b[i].arrival);
            QCOMPARE(a[i].work, b[i].work);
        }
    }

    // With nanosecond on/off phases the very first search (in start(),
    // before the run loop) goes through billions of changes of state: the
    // simulation's cancel flag stops it, and the run reports Cancelled
    // rather than completing with no arrivals.
    void cancellingWhileTheFirstArrivalIsSoughtCancelsTheRun() {
        WorkloadSpec w = workload();
        w.arrivals.process = ArrivalSpec::Process::OnOff;
        w.arrivals.rateOnPerS = 1e-3;
        w.arrivals.rateOffPerS = 0.0;
        w.arrivals.meanOnS = 1e-9;
        w.arrivals.meanOffS = 1e-9;
        std::atomic<bool> cancel{false};
        sim::Simulation simulation(3600.0, &cancel);
        RecordingSink sink;
        RequestSource source(w, 1, 0, simulation, sink);
        QElapsedTimer clock;
        clock.start();
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        source.start();
        const sim::RunOutcome outcome = simulation.run(sim::RunControl{});
        canceller.join();
        QCOMPARE(outcome, sim::RunOutcome::Cancelled);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void replicationsAndSeedsGiveDifferentStreams() {
        const auto base = generate(workload(), 42, 0, 50.0);
        const auto otherReplication = generate(workload(), 42, 1, 50.0);
        const auto otherSeed = generate(workload(), 43, 0, 50.0);
        QVERIFY(base.front().arrival != otherReplication.front().arrival);
        QVERIFY(base.front().arrival != otherSeed.front().arrival);
    }

    // The arrival times must not depend on the service-time distribution
    // (separate streams): changing the work changes no arrival.
    void arrivalsDoNotDependOnServiceTimes() {
        WorkloadSpec other = workload();
        other.serviceTimeS = DistributionSpec::gamma(2.0, 0.3);
        const auto a = generate(workload(), 7, 0, 200.0);
        const auto b = generate(other, 7, 0, 200.0);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].arrival, b[i].arrival);
        }
    }

    void stopsAtTheHorizon() {
        const auto a = generate(workload(), 1, 0, 100.0);
        QVERIFY(!a.empty());
        QVERIFY(a.back().arrival < 100.0);
        const auto longer = generate(workload(), 1, 0, 200.0);
        // A longer run starts with exactly the shorter one.
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(longer[i].arrival, a[i].arrival);
        }
    }
};

QTEST_APPLESS_MAIN(RequestSourceTest)
#include "tst_request_source.moc"
