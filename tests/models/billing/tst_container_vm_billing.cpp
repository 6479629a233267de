// Container and VM billing to the cent on hand-computed cases; each expected
// value is worked out in the comment above its test from the preset's rules
// (resources/pricing/*.json).

#include "models/billing/container_billing_meter.h"
#include "models/billing/pricing_catalog.h"
#include "models/billing/vm_billing_meter.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/pricing_reader.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <cmath>

using namespace faaslab;

namespace {

ContainerPricing container(const std::string& id) {
    Diagnostics d;
    return *readContainerPreset(*PricingCatalog::builtin().find(id), d);
}

VmPricing vm(const std::string& id) {
    Diagnostics d;
    return *readVmPreset(*PricingCatalog::builtin().find(id), d);
}

double component(const CostBreakdown& cost, const std::string& key) {
    for (const CostItem& item : cost.items) {
        if (item.key == key) {
            return item.amount;
        }
    }
    return std::nan("");
}

bool same(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(                                                                                      \
        same((actual), (expected)),                                                                \
        qPrintable(                                                                                \
            QString("got %1, expected %2").arg((actual), 0, 'g', 12).arg((expected), 0, 'g', 12)))

} // namespace

class ContainerVmBillingTest : public QObject {
    Q_OBJECT

private slots:
    // Cloud Run request-based, 1 vCPU, 512 MiB: 100,000 busy periods of
    // 250 ms, each billed 300 ms (100 ms steps) = 30,000 vCPU-s and
    // 15,000 GiB-s. CPU 30,000 x $0.000024 = $0.72; memory 15,000 x
    // $0.0000025 = $0.0375; 100,000 requests x $0.40/10^6 = $0.04.
    void requestBasedBillsBusyPeriodsRoundedUp() {
        ContainerBillingMeter meter(container("gcp-cloud-run-request"), 1.0, 512.0);
        meter.startWindow(0.0);
        meter.instanceStarted(0, 0.0);
        for (int i = 0; i < 100000; ++i) {
            meter.busyStarted(0, i * 10.0);
            meter.requestServed(i * 10.0);
            meter.busyEnded(0, i * 10.0 + 0.25);
        }
        meter.endWindow(1e6);
        COMPARE_USD(component(meter.total(), "cpu"), 0.72);
        COMPARE_USD(component(meter.total(), "memory"), 0.0375);
        COMPARE_USD(component(meter.total(), "requests"), 0.04);
        COMPARE_USD(meter.total().total(), 0.7975);
    }

    // Two idle min-instances (1 vCPU, 512 MiB) for 1,000 s at the idle
    // rates: 2,000 vCPU-s x $0.0000025 + 1,000 GiB-s x $0.0000025 = $0.0075.
    // While one of them is busy (100 s), only one is idle: 100 vCPU-s and
    // 50 GiB-s fewer at the idle rate, and 100 s billed at the active rates.
    void idleMinInstancesAreBilledAtTheIdleRate() {
        ContainerBillingMeter meter(container("gcp-cloud-run-request"), 1.0, 512.0);
        meter.startWindow(0.0);
        meter.setIdleMinInstances(0.0, 2);
        meter.setIdleMinInstances(500.0, 1);
        meter.busyStarted(0, 500.0);
        meter.busyEnded(0, 600.0);
        meter.setIdleMinInstances(600.0, 2);
        meter.endWindow(1000.0);
        COMPARE_USD(component(meter.total(), "idle"), (1900.0 + 950.0) * 0.0000025);
        COMPARE_USD(component(meter.total(), "cpu"), 100.0 * 0.000024);
        COMPARE_USD(component(meter.total(), "memory"), 50.0 * 0.0000025);
    }

    // Fargate, 1 vCPU and 2 GiB, per second with a one-minute minimum:
    // a 30.4 s task bills 60 s; a 3,600.2 s task bills 3,601 s. At
    // $0.04048 per vCPU-hour and $0.004445 per GB-hour:
    // (60 + 3601) s x ($0.04048 + 2 x $0.004445) / 3600.
    void instanceBasedBillsLifetimesWithAMinimumPerStart() {
        ContainerBillingMeter meter(container("aws-fargate-linux-x86"), 1.0, 2048.0);
        meter.startWindow(0.0);
        meter.instanceStarted(0, 10.0);
        meter.instanceStopped(0, 40.4);
        meter.instanceStarted(1, 100.0);
        meter.instanceStopped(1, 3700.2);
        meter.endWindow(86400.0);
        const double perSecond = (0.04048 + 2.0 * 0.004445) / 3600.0;
        COMPARE_USD(meter.total().total(), (60.0 + 3601.0) * perSecond);
        COMPARE_USD(component(meter.total(), "requests"), 0.0);
    }

    // An instance already running when the window opens is billed from the
    // window's start, without the minimum (it did not start in the window).
    // Window [100, 130]: 30 s, not 60.
    void periodsAreClippedToTheWindow() {
        ContainerBillingMeter meter(container("aws-fargate-linux-x86"), 1.0, 2048.0);
        meter.instanceStarted(0, 0.0);
        meter.startWindow(100.0);
        meter.endWindow(130.0);
        COMPARE_USD(meter.total().total(), 30.0 * (0.04048 + 2.0 * 0.004445) / 3600.0);
    }

    // Cloud Run free tier (180,000 vCPU-s, 360,000 GiB-s, 2M requests a
    // month), when applied: 200,000 busy vCPU-s at 1 vCPU / 1 GiB leave
    // 20,000 vCPU-s ($0.48) and no billable memory.
    void containerFreeTierIsDeducted() {
        ContainerPricing pricing = container("gcp-cloud-run-request");
        pricing.applyFreeTier = true;
        ContainerBillingMeter meter(pricing, 1.0, 1024.0);
        meter.startWindow(0.0);
        meter.busyStarted(0, 0.0);
        meter.busyEnded(0, 200000.0);
        meter.endWindow(1e6);
        COMPARE_USD(meter.total().total(), 0.48);
    }

    // Three m5.large for a day: 3 x 24 h x $0.096 = $6.912; with a 30 %
    // savings plan, $4.8384.
    void fixedFleetIsInstancesTimesHours() {
        VmPricing pricing = vm("aws-ec2-m5-large");
        for (double discount : {0.0, 30.0}) {
            pricing.discountPercent = discount;
            VmBillingMeter meter(pricing);
            meter.startWindow(0.0);
            for (std::uint32_t i = 0; i < 3; ++i) {
                meter.vmLaunched(i, 0.0);
            }
            meter.endWindow(86400.0);
            COMPARE_USD(meter.total().total(), 6.912 * (1.0 - discount / 100.0));
        }
    }

    // Per-second billing with a 60 s minimum: a 30 s VM bills 60 s
    // ($0.0016 at $0.096/h); a 3,600.4 s VM bills 3,601 s. With whole-hour
    // billing (granularity 3600 s) the second bills 7,200 s.
    void vmLivesAreRoundedAndHaveAMinimum() {
        VmPricing pricing = vm("aws-ec2-m5-large");
        VmBillingMeter meter(pricing);
        meter.startWindow(0.0);
        meter.vmLaunched(0, 10.0);
        meter.vmTerminated(0, 40.0);
        meter.vmLaunched(1, 100.0);
        meter.vmTerminated(1, 3700.4);
        meter.endWindow(86400.0);
        COMPARE_USD(meter.total().total(), (60.0 + 3601.0) * 0.096 / 3600.0);
        pricing.granularityS = 3600.0;
        VmBillingMeter hourly(pricing);
        hourly.startWindow(0.0);
        hourly.vmLaunched(1, 100.0);
        hourly.vmTerminated(1, 3700.4);
        hourly.endWindow(86400.0);
        COMPARE_USD(hourly.total().total(), 2.0 * 0.096);
    }

    // End to end, request-based: one Cloud Run instance (1 vCPU, 512 MiB,
    // kept as a min-instance) and a request every second of 0.25 s of work
    // for 100 s: 99 requests (at 1, 2, ..., 99 s), 99 busy periods of
    // 0.25 s billed 0.3 s each, and the idle rest of the window,
    // 100 - 99 x 0.25 = 75.25 s, at the idle rates.
    void platformBillsRequestBasedBusyAndIdleTime() {
        const Scenario s = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "run", "simulation": { "duration_s": 100 },
          "workload": { "arrivals": { "process": "constant", "rate_per_s": 1 },
                        "service_time_s": { "dist": "deterministic", "value": 0.25 },
                        "memory_mb": 128 },
          "architectures": [ { "name": "run", "type": "container", "vcpu": 1,
              "memory_mb": 512, "min_instances": 1, "max_instances": 1,
              "pricing": "gcp-cloud-run-request" } ] })");
        const MetricValues m = runScenario(s).results.architectures[0].mean;
        const double busy = 99 * 0.3 * (0.000024 + 0.5 * 0.0000025);
        const double idle = 75.25 * (0.0000025 + 0.5 * 0.0000025);
        COMPARE_USD(m.value("cost.breakdown.idle"), idle);
        COMPARE_USD(m.value(metric::CostTotal), busy + idle + 99 * 0.4e-6);
        QVERIFY(std::fabs(m.value(metric::InstancesBusyMean) - 99 * 0.25 / 100.0) < 1e-9);
    }

    // End to end: a fixed fleet of 2 c5.large for 1 day costs 2 x 24 x
    // $0.085 = $4.08 whatever the load, and the projection is 30 x that.
    void platformBillsTheFixedFleet() {
        const Scenario s = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "fleet", "simulation": { "duration_s": 86400 },
          "workload": { "arrivals": { "process": "poisson", "rate_per_s": 5 },
                        "service_time_s": { "dist": "exponential", "mean": 0.1 },
                        "memory_mb": 512 },
          "architectures": [ { "name": "ec2", "type": "vm", "instances": 2,
                               "pricing": "aws-ec2-c5-large" } ] })");
        const MetricValues m = runScenario(s).results.architectures[0].mean;
        COMPARE_USD(m.value(metric::CostTotal), 4.08);
        COMPARE_USD(m.value(metric::CostMonthly), 4.08 * 30.0);
        QCOMPARE(m.value(metric::InstancesMean), 2.0);
    }
};

QTEST_APPLESS_MAIN(ContainerVmBillingTest)
#include "tst_container_vm_billing.moc"
