#include "models/workload/arrival_generator.h"
#include "tests/support/statistical_checks.h"

#include <QtTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

using namespace faaslab;

namespace {

// Number of arrivals in [from, to) for each of `horizon / period` periods,
// folded onto one period, in `bins` equal slices.
std::vector<double> foldedCounts(const ArrivalSpec& spec, std::uint64_t seed, double horizon,
                                 double period, int bins) {
    ArrivalGenerator generator(spec, sim::RandomStream(seed));
    std::vector<double> counts(static_cast<std::size_t>(bins), 0.0);
    for (double t = generator.next(); t < horizon; t = generator.next()) {
        const double phase = std::fmod(t, period) / period;
        counts[static_cast<std::size_t>(phase * bins)] += 1.0;
    }
    return counts;
}

// Observed arrival rate over [0, horizon) for each of `seeds` streams.
std::vector<double> observedRates(const ArrivalSpec& spec, int seeds, double horizon) {
    std::vector<double> rates;
    for (std::uint64_t seed = 1; seed <= static_cast<std::uint64_t>(seeds); ++seed) {
        ArrivalGenerator generator(spec, sim::RandomStream(seed));
        int count = 0;
        while (generator.next() < horizon) {
            ++count;
        }
        rates.push_back(count / horizon);
    }
    return rates;
}

// The searches below take well under a second on an idle machine; the budget
// leaves room for a loaded CI machine and the sanitizer build, and is still
// far below the hours (or days) the unbounded searches took.
constexpr qint64 TimeBudgetMs = 20000;

} // namespace

class ArrivalGeneratorTest : public QObject {
    Q_OBJECT

private slots:
    void poissonCountMatchesTheRate() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Poisson;
        spec.ratePerS = 5.0;
        FAASLAB_VERIFY_CHECK(test::checkMean(observedRates(spec, 40, 2000.0), 5.0));
    }

    void poissonGapsAreExponential() {
        ArrivalSpec spec;
        spec.ratePerS = 2.0;
        ArrivalGenerator generator(spec, sim::RandomStream(3));
        double previous = 0.0;
        int longGaps = 0;
        constexpr int N = 200000;
        for (int i = 0; i < N; ++i) {
            const double t = generator.next();
            longGaps += t - previous > 1.0 ? 1 : 0;
            previous = t;
        }
        // P(gap > 1 s) = e^(-2).
        FAASLAB_VERIFY_CHECK(test::checkProportion(longGaps, N, std::exp(-2.0)));
    }

    void constantArrivalsAreEvenlySpacedWithoutDrift() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Constant;
        spec.ratePerS = 3.0;
        ArrivalGenerator generator(spec, sim::RandomStream(1));
        double t = 0.0;
        for (int k = 1; k <= 3000000; ++k) {
            t = generator.next();
        }
        // The millionth-and-later arrivals are computed from k, not summed.
        QCOMPARE(t, 3000000.0 / 3.0);
    }

    void onOffHasTheStationaryMeanRate() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::OnOff;
        spec.rateOnPerS = 10.0;
        spec.rateOffPerS = 1.0;
        spec.meanOnS = 5.0;
        spec.meanOffS = 15.0;
        QCOMPARE(spec.meanRate(), (10.0 * 5.0 + 1.0 * 15.0) / 20.0);
        FAASLAB_VERIFY_CHECK(test::checkMean(observedRates(spec, 40, 20000.0), 3.25));
    }

    // Counts in each slice of the period must equal the integral of the rate
    // over the slice (Poisson variance), which checks thinning is exact.
    void diurnalFollowsTheSinusoid() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Diurnal;
        spec.ratePerS = 10.0;
        spec.amplitude = 0.8;
        spec.periodS = 100.0;
        spec.peakTimeS = 25.0;
        const double horizon = 100.0 * 400;
        const int bins = 10;
        const auto counts = foldedCounts(spec, 5, horizon, spec.periodS, bins);
        const double periods = horizon / spec.periodS;
        const double omega = 2.0 * std::numbers::pi / spec.periodS;
        for (int b = 0; b < bins; ++b) {
            const double a = b * spec.periodS / bins;
            const double c = (b + 1) * spec.periodS / bins;
            const double integral =
                spec.ratePerS * (c - a) + spec.ratePerS * spec.amplitude / omega *
                                              (std::sin(omega * (c - spec.peakTimeS)) -
                                               std::sin(omega * (a - spec.peakTimeS)));
            FAASLAB_VERIFY_CHECK(test::checkPoissonCount(counts[b], integral * periods));
        }
    }

    void stepsFollowTheSchedule() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Steps;
        spec.steps = {{0.0, 2.0}, {100.0, 10.0}, {150.0, 0.0}};
        spec.stepsPeriodS = 200.0;
        QCOMPARE(spec.meanRate(), (2.0 * 100 + 10.0 * 50) / 200.0);
        const double horizon = 200.0 * 500;
        // Four slices of 50 s: rates 2, 2, 10, 0.
        const auto counts = foldedCounts(spec, 9, horizon, 200.0, 4);
        const double periods = horizon / 200.0;
        FAASLAB_VERIFY_CHECK(test::checkPoissonCount(counts[0], 2.0 * 50 * periods));
        FAASLAB_VERIFY_CHECK(test::checkPoissonCount(counts[1], 2.0 * 50 * periods));
        FAASLAB_VERIFY_CHECK(test::checkPoissonCount(counts[2], 10.0 * 50 * periods));
        QCOMPARE(counts[3], 0.0);
        QCOMPARE(spec.expectedRateAt(120.0), 10.0);
        QCOMPARE(spec.expectedRateAt(320.0), 10.0);
    }

    void stepsWithoutPeriodEndWithTheLastStep() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Steps;
        spec.steps = {{0.0, 5.0}, {10.0, 0.0}};
        ArrivalGenerator generator(spec, sim::RandomStream(2));
        double last = 0.0;
        for (double t = generator.next(); std::isfinite(t); t = generator.next()) {
            last = t;
        }
        QVERIFY(last < 10.0);
        QVERIFY(last > 0.0);
    }

    // Between two arrivals an on_off process with nanosecond phases goes
    // through about a billion changes of state: the search must answer the
    // cancel flag while it runs, not only between arrivals.
    void aSearchThroughNanosecondPhasesIsCancelledPromptly() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::OnOff;
        spec.rateOnPerS = 1.0;
        spec.rateOffPerS = 0.0;
        spec.meanOnS = 1e-9;
        spec.meanOffS = 1e-9;
        std::atomic<bool> cancel{false};
        ArrivalGenerator generator(spec, sim::RandomStream(5), {3600.0, &cancel});
        QElapsedTimer clock;
        clock.start();
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        double t = 0.0;
        while (t < 3600.0) {
            t = generator.next();
        }
        canceller.join();
        QCOMPARE(t, ArrivalGenerator::Never);
        QVERIFY(cancel);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    // 600,000 changes of state in 10 minutes of 1 ms phases and a rate of
    // 1e-9: the search ends at the horizon instead of looking for an
    // arrival some 10^9 s (10^12 changes) away.
    void aSearchForARareArrivalStopsAtTheHorizon() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::OnOff;
        spec.rateOnPerS = 1e-9;
        spec.rateOffPerS = 0.0;
        spec.meanOnS = 1e-3;
        spec.meanOffS = 1e-3;
        ArrivalGenerator generator(spec, sim::RandomStream(6), {600.0, nullptr});
        QElapsedTimer clock;
        clock.start();
        int arrivals = 0;
        while (generator.next() < 600.0) {
            ++arrivals;
        }
        QCOMPARE(arrivals, 0); // P(any) = 1 - exp(-3e-7)
        QCOMPARE(generator.next(), ArrivalGenerator::Never);
        QVERIFY2(clock.elapsed() < TimeBudgetMs, qPrintable(QString::number(clock.elapsed())));
    }

    void aSearchThroughShortStepsStopsAtTheHorizon() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Steps;
        spec.steps = {{0.0, 1e-12}, {0.5e-3, 1e-12}};
        spec.stepsPeriodS = 1e-3;
        ArrivalGenerator generator(spec, sim::RandomStream(7), {600.0, nullptr});
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(generator.next(), ArrivalGenerator::Never);
        QVERIFY2(clock.elapsed() < TimeBudgetMs, qPrintable(QString::number(clock.elapsed())));
    }

    // 100,000 steps repeated every 100 s: a million step boundaries in
    // 1000 s. Locating each step by a scan from the first would take 5 x
    // 10^10 comparisons; a binary search takes 17 per boundary. The rate is 0
    // in the first half of the period and 10/s in the second.
    void aHundredThousandStepsAreFollowedQuickly() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::Steps;
        constexpr int Steps = 100000;
        for (int i = 0; i < Steps; ++i) {
            spec.steps.push_back({i * 1e-3, i < Steps / 2 ? 0.0 : 10.0});
        }
        spec.stepsPeriodS = Steps * 1e-3;
        const double horizon = 1000.0;
        ArrivalGenerator generator(spec, sim::RandomStream(8), {horizon, nullptr});
        QElapsedTimer clock;
        clock.start();
        double count = 0.0;
        for (double t = generator.next(); t < horizon; t = generator.next()) {
            const double phase = std::fmod(t, spec.stepsPeriodS);
            QVERIFY2(phase >= 50.0 - 1e-9, qPrintable(QString::number(t, 'g', 17)));
            count += 1.0;
        }
        QVERIFY2(clock.elapsed() < TimeBudgetMs, qPrintable(QString::number(clock.elapsed())));
        FAASLAB_VERIFY_CHECK(test::checkPoissonCount(count, 10.0 * 50.0 * 10.0));
        QVERIFY(std::abs(spec.expectedArrivals(horizon) - 10.0 * 50.0 * 10.0) < 1e-6);
    }

    void sameSeedSameTimes() {
        ArrivalSpec spec;
        spec.process = ArrivalSpec::Process::OnOff;
        spec.rateOnPerS = 3.0;
        spec.rateOffPerS = 0.5;
        spec.meanOnS = 2.0;
        spec.meanOffS = 4.0;
        ArrivalGenerator a(spec, sim::RandomStream(77));
        ArrivalGenerator b(spec, sim::RandomStream(77));
        for (int i = 0; i < 10000; ++i) {
            QCOMPARE(a.next(), b.next());
        }
    }
};

QTEST_APPLESS_MAIN(ArrivalGeneratorTest)
#include "tst_arrival_generator.moc"
