// The VM fleet against queueing theory, with 99.9 % replication intervals as
// tolerances (see docs/validation.md).

#include "models/results/metric_keys.h"
#include "tests/support/statistical_checks.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <cmath>

using namespace faaslab;

namespace {

double erlangB(int c, double a) {
    double b = 1.0;
    for (int k = 1; k <= c; ++k) {
        b = a * b / (k + a * b);
    }
    return b;
}

// Erlang C: probability of waiting in M/M/c, from Erlang B:
// C = B / (1 - rho (1 - B)), rho = a / c.
double erlangC(int c, double a) {
    const double b = erlangB(c, a);
    return b / (1.0 - (a / c) * (1.0 - b));
}

// A fleet of `vms` one-core VMs (inline pricing, no preset), Poisson
// arrivals at `lambda`, exponential work with mean 1 s.
std::string fleet(int vms, double lambda, const std::string& dispatch, int queueCapacity,
                  double duration) {
    return R"({ "format": "faaslab.scenario/1", "name": "fleet",
      "simulation": { "duration_s": )" +
           std::to_string(duration) + R"(, "warmup_s": 500, "seed": 99 },
      "workload": { "arrivals": { "process": "poisson", "rate_per_s": )" +
           std::to_string(lambda) + R"( },
                    "service_time_s": { "dist": "exponential", "mean": 1.0 }, "memory_mb": 512 },
      "architectures": [ { "name": "vms", "type": "vm", "vcpu": 1, "instances": )" +
           std::to_string(vms) + R"(, "dispatch": ")" + dispatch + R"(", "queue_capacity": )" +
           std::to_string(queueCapacity) +
           R"(, "queue_timeout_s": 100000,
          "pricing": { "per_hour": 0.1 } } ] })";
}

} // namespace

class VmQueueingTest : public QObject {
    Q_OBJECT

private slots:
    void erlangFormulasMatchKnownValues() {
        // c = 4, a = 3: C = 13.5 / (13 + 13.5) = 0.509434.
        QVERIFY(std::fabs(erlangC(4, 3.0) - 13.5 / 26.5) < 1e-12);
    }

    // central_queue with c single-core VMs is M/M/c: the probability of
    // waiting is Erlang C, and the mean wait is C / (c mu - lambda).
    // c = 4, lambda = 3/s, E[S] = 1 s: C = 0.5094, Wq = 0.5094 s.
    void centralQueueIsErlangC() {
        const Scenario s = test::scenarioFromJson(fleet(4, 3.0, "central_queue", 10000000, 20000));
        const auto reps = test::replicateAll(s, 0, 20);
        std::vector<double> waited;
        std::vector<double> wait;
        std::vector<double> response;
        for (const ReplicationResult& r : reps) {
            waited.push_back(r.metrics.value(metric::WaitProbability));
            wait.push_back(r.metrics.value(metric::WaitMean));
            response.push_back(r.metrics.value(metric::LatencyMean));
            QCOMPARE(r.metrics.value(metric::Rejected), 0.0);
        }
        const double c = erlangC(4, 3.0);
        FAASLAB_VERIFY_CHECK(test::checkMean(waited, c));
        FAASLAB_VERIFY_CHECK(test::checkMean(wait, c / (4.0 - 3.0)));
        FAASLAB_VERIFY_CHECK(test::checkMean(response, c / (4.0 - 3.0) + 1.0));
    }

    // With no room to wait (queue_capacity 0) the fleet is M/M/c/c: the
    // rejection probability is Erlang B, B(4, 3) = 0.2061.
    void noQueueIsErlangB() {
        const Scenario s = test::scenarioFromJson(fleet(4, 3.0, "central_queue", 0, 20000));
        const auto p = test::replicate(s, 0, 20, std::string(metric::RejectionProbability));
        FAASLAB_VERIFY_CHECK(test::checkMean(p, erlangB(4, 3.0)));
    }

    // round_robin hands every c-th request to the same VM, so each one-core
    // VM sees Erlang-c inter-arrival times (rate lambda, c phases): a GI/M/1
    // queue. Its mean wait is sigma / (mu (1 - sigma)), where sigma solves
    // sigma = A*(mu (1 - sigma)), A*(s) = (lambda / (lambda + s))^c.
    void roundRobinIsAnErlangArrivalQueue() {
        const int c = 4;
        const double lambda = 3.0;
        double sigma = 0.5;
        for (int i = 0; i < 200; ++i) {
            sigma = std::pow(lambda / (lambda + 1.0 - sigma), c);
        }
        const double expectedWait = sigma / (1.0 - sigma);
        const Scenario s = test::scenarioFromJson(fleet(c, lambda, "round_robin", 10000000, 20000));
        const auto wait = test::replicate(s, 0, 20, std::string(metric::WaitMean));
        FAASLAB_VERIFY_CHECK(test::checkMean(wait, expectedWait));
    }

    // Joining the shortest queue lies between the two: pooled (central) is
    // best, blind rotation worst. Same request stream for all three.
    void leastConnectionsLiesBetween() {
        auto meanWait = [](const std::string& dispatch) {
            const Scenario s = test::scenarioFromJson(fleet(4, 3.0, dispatch, 10000000, 20000));
            const auto w = test::replicate(s, 0, 10, std::string(metric::WaitMean));
            return test::checkMean(w, 0.0).mean;
        };
        const double central = meanWait("central_queue");
        const double shortest = meanWait("least_connections");
        const double rotation = meanWait("round_robin");
        QVERIFY2(central < shortest && shortest < rotation,
                 qPrintable(QString("%1 %2 %3").arg(central).arg(shortest).arg(rotation)));
    }
};

QTEST_APPLESS_MAIN(VmQueueingTest)
#include "tst_vm_queueing.moc"
