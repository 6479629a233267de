#include "simulator/simulation.h"

#include <QtTest>
#include <vector>

using namespace faaslab::sim;

namespace {

// Records what fires, and optionally reschedules itself.
class Recorder final : public EventHandler, public RunObserver {
public:
    explicit Recorder(Simulation& simulation)
        : m_simulation(simulation) {}

    void handleEvent(const Event& event) override {
        log.push_back({event.time, event.kind, m_simulation.draining()});
        if (rescheduleEvery > 0.0) {
            m_simulation.scheduleIn(rescheduleEvery, this, event.kind);
        }
    }
    void onWarmupEnd(double time) override {
        warmupAt.push_back(time);
        log.push_back({time, 1000, false});
    }
    void onHorizon(double time) override {
        horizonAt.push_back(time);
        log.push_back({time, 2000, true});
    }

    struct Entry {
        double time;
        std::uint32_t kind;
        bool draining;
    };
    std::vector<Entry> log;
    std::vector<double> warmupAt;
    std::vector<double> horizonAt;
    double rescheduleEvery = 0.0;

private:
    Simulation& m_simulation;
};

} // namespace

class SimulationTest : public QObject {
    Q_OBJECT

private slots:
    void firesInOrderThenDrainsAfterHorizon() {
        Simulation sim(10.0);
        Recorder r(sim);
        sim.addObserver(&r);
        sim.schedule(12.0, &r, 3);
        sim.schedule(5.0, &r, 2);
        sim.schedule(1.0, &r, 1);
        QCOMPARE(sim.run(RunControl{}), RunOutcome::Completed);
        // warm-up (at 0), 1, 2, horizon at 10, then 3 while draining.
        QCOMPARE(r.log.size(), std::size_t(5));
        QCOMPARE(r.log[0].kind, 1000u);
        QCOMPARE(r.log[1].kind, 1u);
        QCOMPARE(r.log[2].kind, 2u);
        QCOMPARE(r.log[3].kind, 2000u);
        QCOMPARE(r.log[3].time, 10.0);
        QCOMPARE(r.log[4].kind, 3u);
        QVERIFY(r.log[4].draining);
        QVERIFY(!r.log[2].draining);
        QCOMPARE(r.horizonAt.size(), std::size_t(1));
        QCOMPARE(sim.eventsProcessed(), std::uint64_t(3));
    }

    void warmupPrecedesEventsAtTheSameInstant() {
        Simulation sim(10.0);
        Recorder r(sim);
        sim.addObserver(&r);
        sim.schedule(2.0, &r, 1);
        sim.schedule(4.0, &r, 2);
        RunControl control;
        control.warmup = 2.0;
        sim.run(control);
        QCOMPARE(r.warmupAt, std::vector<double>{2.0});
        QCOMPARE(r.log[0].kind, 1000u);
        QCOMPARE(r.log[1].kind, 1u);
    }

    void horizonIsReportedEvenWhenNothingIsPending() {
        Simulation sim(7.5);
        Recorder r(sim);
        sim.addObserver(&r);
        sim.run(RunControl{});
        QCOMPARE(r.horizonAt, std::vector<double>{7.5});
        QCOMPARE(sim.now(), 7.5);
    }

    void sourceSlotIsOrderedLikeTheHeap() {
        Simulation sim(100.0);
        Recorder r(sim);
        // Heap event scheduled first at t=5, source at t=5 second, heap event
        // at t=5 third: insertion order must decide.
        sim.schedule(5.0, &r, 1);
        sim.scheduleSource(5.0, &r);
        sim.schedule(5.0, &r, 3);
        sim.schedule(4.0, &r, 4);
        sim.run(RunControl{});
        QCOMPARE(r.log.size(), std::size_t(4));
        QCOMPARE(r.log[0].kind, 4u);
        QCOMPARE(r.log[1].kind, 1u);
        QCOMPARE(r.log[2].kind, 0u); // the source event
        QCOMPARE(r.log[3].kind, 3u);
    }

    void cancellationStopsARunawayModel() {
        std::atomic<bool> cancel{false};
        Simulation sim(1e12, &cancel);
        Recorder r(sim);
        r.rescheduleEvery = 1.0;
        sim.schedule(0.0, &r, 0);
        RunControl control;
        control.progressInterval = 1000;
        control.progress = [&cancel](const RunProgress& p) {
            if (p.eventsProcessed >= 5000) {
                cancel = true;
            }
        };
        QCOMPARE(sim.run(control), RunOutcome::Cancelled);
        QCOMPARE(sim.eventsProcessed(), std::uint64_t(6000));
        QCOMPARE(sim.pendingEvents(), std::size_t(0));
    }

    // A model that gives up because the flag is set (an arrival generator
    // stops searching) empties the queue before the next poll of the loop:
    // the run is still cancelled, not completed with less work.
    void aModelStoppedByTheFlagMakesTheRunCancelled() {
        std::atomic<bool> cancel{false};
        Simulation sim(100.0, &cancel);
        Recorder r(sim);
        sim.schedule(1.0, &r, 0);
        QVERIFY(!sim.cancelRequested());
        cancel = true;
        QVERIFY(sim.cancelRequested());
        QCOMPARE(sim.run(RunControl{}), RunOutcome::Cancelled);
        QCOMPARE(sim.eventsProcessed(), std::uint64_t(1));
        QCOMPARE(sim.pendingEvents(), std::size_t(0));
    }

    void progressReportsFractionOfHorizon() {
        Simulation sim(100.0);
        Recorder r(sim);
        r.rescheduleEvery = 1.0;
        sim.schedule(0.5, &r, 0);
        std::vector<double> fractions;
        RunControl control;
        control.progressInterval = 10;
        control.drainLimit = 100.0;
        control.progress = [&fractions](const RunProgress& p) {
            fractions.push_back(p.fraction());
        };
        sim.run(control);
        QVERIFY(fractions.size() >= 10);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.front(), 0.095);
        QCOMPARE(fractions.back(), 1.0);
    }

    void drainLimitStopsModelsThatNeverFinish() {
        Simulation sim(10.0);
        Recorder r(sim);
        r.rescheduleEvery = 1.0;
        sim.schedule(0.0, &r, 0);
        RunControl control;
        control.drainLimit = 20.0;
        QCOMPARE(sim.run(control), RunOutcome::Completed);
        // Events at 0, 1, ..., 20.
        QCOMPARE(sim.eventsProcessed(), std::uint64_t(21));
    }
};

QTEST_APPLESS_MAIN(SimulationTest)
#include "tst_simulation.moc"
