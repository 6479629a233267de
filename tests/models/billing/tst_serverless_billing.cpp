// Billing to the cent on hand-computed cases. Every expected value below is
// worked out in the comment next to it from the provider's published rules
// (see resources/pricing/*.json), not taken from the program's output.

#include "models/billing/pricing_catalog.h"
#include "models/billing/serverless_billing_meter.h"
#include "models/results/metric_keys.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/pricing_reader.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <cmath>

using namespace faaslab;

namespace {

ServerlessPricing preset(const std::string& id) {
    Diagnostics diagnostics;
    const PricingPreset* p = PricingCatalog::builtin().find(id);
    if (p == nullptr) {
        throw std::runtime_error("missing preset " + id);
    }
    auto pricing = readServerlessPreset(*p, diagnostics);
    if (!pricing) {
        throw std::runtime_error(diagnostics.format(id));
    }
    return *pricing;
}

// Exact to far better than a cent: the arithmetic is a handful of products.
bool sameAmount(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

#define COMPARE_USD(actual, expected)                                                              \
    QVERIFY2(                                                                                      \
        sameAmount((actual), (expected)),                                                          \
        qPrintable(                                                                                \
            QString("got %1, expected %2").arg((actual), 0, 'g', 12).arg((expected), 0, 'g', 12)))

double component(const CostBreakdown& cost, const std::string& key) {
    for (const CostItem& item : cost.items) {
        if (item.key == key) {
            return item.amount;
        }
    }
    return std::nan("");
}

// Charges `count` warm invocations of `execution` seconds, `spacing` apart,
// in a window [0, end), and closes the window.
void chargeWarm(ServerlessBillingMeter& meter, int count, double spacing, double execution,
                double end, bool onProvisioned = false) {
    meter.startWindow(0.0);
    for (int i = 0; i < count; ++i) {
        meter.chargeInvocation(i * spacing, execution, 0.0, onProvisioned);
    }
    meter.endWindow(end);
}

} // namespace

class ServerlessBillingTest : public QObject {
    Q_OBJECT

private slots:
    // AWS Lambda x86, 512 MB, 1,000,000 warm invocations of 120.3 ms.
    // Rounded up to 1 ms: 121 ms. 1e6 x 0.121 s x 0.5 GB = 60,500 GB-s.
    // Compute 60,500 x $0.0000166667 = $1.00833535; requests 1e6 x $0.20/1e6
    // = $0.20. Total $1.20833535.
    void lambdaRoundsEachInvocationUpToTheMillisecond() {
        ServerlessBillingMeter meter(preset("aws-lambda-x86"), 512.0, 0);
        chargeWarm(meter, 1000000, 0.001, 0.1203, 1000.0);
        COMPARE_USD(component(meter.total(), "compute"), 1.00833535);
        COMPARE_USD(component(meter.total(), "requests"), 0.20);
        COMPARE_USD(meter.total().total(), 1.20833535);
        QCOMPARE(std::round(meter.total().total() * 100) / 100, 1.21);
    }

    // Azure Functions Consumption: 200 MB is billed as 256 MB (128 MB
    // steps), 30 ms executions as the 100 ms minimum.
    // 1e6 x 0.1 s x 0.25 GB = 25,000 GB-s x $0.000016 = $0.40; + $0.20.
    void azureAppliesTheMinimumAndMemoryRounding() {
        const ServerlessPricing pricing = preset("azure-functions-consumption");
        QCOMPARE(pricing.billedMemoryMb(200.0), 256.0);
        QCOMPARE(pricing.billedMemoryMb(128.0), 128.0);
        QCOMPARE(pricing.billedMemoryMb(64.0), 128.0);
        ServerlessBillingMeter meter(pricing, 200.0, 0);
        chargeWarm(meter, 1000000, 0.001, 0.030, 1000.0);
        COMPARE_USD(component(meter.total(), "compute"), 0.40);
        COMPARE_USD(meter.total().total(), 0.60);
    }

    // Google Cloud Functions 1st gen: 300 MB runs in the 512 MB tier
    // (0.8 GHz); 250 ms rounds up to 300 ms (100 ms steps).
    // GB-s: 1e6 x 0.3 x 0.5 = 150,000 x $0.0000025 = $0.375
    // GHz-s: 1e6 x 0.3 x 0.8 = 240,000 x $0.00001 = $2.40
    // invocations: 1e6 x $0.40/1e6 = $0.40. Total $3.175.
    void cloudFunctionsBillsGigabyteAndGigahertzSeconds() {
        const ServerlessPricing pricing = preset("gcp-cloud-functions-gen1");
        QCOMPARE(pricing.billedMemoryMb(300.0), 512.0);
        QCOMPARE(pricing.cpuGhz(300.0), 0.8);
        ServerlessBillingMeter meter(pricing, 300.0, 0);
        chargeWarm(meter, 1000000, 0.001, 0.250, 1000.0);
        COMPARE_USD(component(meter.total(), "compute"), 0.375 + 2.40);
        COMPARE_USD(meter.total().total(), 3.175);
    }

    // x86 tiers: first 6e9 GB-s at $0.0000166667, next 9e9 at $0.000015,
    // beyond 15e9 at $0.0000133334.
    //  10e9 GB-s: 6e9 x 0.0000166667 + 4e9 x 0.000015 = 100,000.2 + 60,000
    //  20e9 GB-s: 100,000.2 + 135,000 + 5e9 x 0.0000133334 (66,667)
    void tiersApplyToTheMonthlyVolume() {
        const ServerlessPricing pricing = preset("aws-lambda-x86");
        COMPARE_USD(pricing.tieredGbSecondCost(10e9), 160000.2);
        COMPARE_USD(pricing.tieredGbSecondCost(20e9), 301667.2);
        COMPARE_USD(pricing.tieredGbSecondCost(6e9), 100000.2);
        COMPARE_USD(pricing.tieredGbSecondCost(0.0), 0.0);
    }

    // Free tier (1M requests, 400,000 GB-s a month), when applied:
    // 2M requests and 500,000 GB-s leave 1M requests ($0.20) and
    // 100,000 GB-s ($1.66667).
    void freeTierIsDeductedBeforePricing() {
        ServerlessPricing pricing = preset("aws-lambda-x86");
        ServerlessUsage usage;
        usage.requests = 2e6;
        usage.gbSeconds = 500000.0;
        pricing.applyFreeTier = true;
        COMPARE_USD(pricing.monthCost(usage).total(), 0.20 + 1.66667);
        pricing.applyFreeTier = false;
        COMPARE_USD(pricing.monthCost(usage).total(), 0.40 + 8.33335);
        // Below the allowance, nothing is owed.
        usage.requests = 999999;
        usage.gbSeconds = 400000;
        pricing.applyFreeTier = true;
        COMPARE_USD(pricing.monthCost(usage).total(), 0.0);
    }

    // 45 days of 1 s invocations at 1024 MB (1 GB-s each), one every 2.5 s
    // (exact in binary): 2,592,000 / 2.5 = 1,036,800 fall in the first
    // 30-day month and 518,400 in the second. The allowance (1M requests,
    // 400,000 GB-s) applies once per started month:
    //  month 1: 36,800 requests x $2e-7 = $0.00736;
    //           636,800 GB-s x $0.0000166667 = $10.61335456
    //  month 2: no billable requests; 118,400 GB-s = $1.97333728
    void freeTierAppliesOncePerStartedMonth() {
        ServerlessPricing pricing = preset("aws-lambda-x86");
        pricing.applyFreeTier = true;
        ServerlessBillingMeter meter(pricing, 1024.0, 0);
        chargeWarm(meter, 1555200, 2.5, 1.0, 45.0 * 86400.0);
        COMPARE_USD(component(meter.total(), "requests"), 0.00736);
        COMPARE_USD(meter.total().total(), 0.00736 + 10.61335456 + 1.97333728);
    }

    // Overriding one free-tier allowance keeps the preset's others: with
    // 2M free requests and the preset's 400,000 GB-s, 10^6 invocations of
    // 200 ms at 1 GB (200,000 GB-s) cost nothing.
    void partialOverridesKeepThePresetsOtherValues() {
        const Scenario s = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "override",
          "simulation": { "duration_s": 100000 },
          "workload": { "arrivals": { "process": "constant", "rate_per_s": 10 },
                        "service_time_s": { "dist": "deterministic", "value": 0.2 },
                        "memory_mb": 1024 },
          "architectures": [ { "name": "L", "type": "serverless",
              "cold_start_s": { "dist": "deterministic", "value": 0 },
              "pricing": { "preset": "aws-lambda-x86", "apply_free_tier": true,
                           "free_tier": { "requests": 2000000 } } } ] })");
        const auto& pricing = std::get<ServerlessConfig>(s.architectures[0].config).pricing;
        QCOMPARE(pricing.freeTier.requests, 2e6);
        QCOMPARE(pricing.freeTier.gbSeconds, 400000.0);
        const RunOutput out = runScenario(s);
        COMPARE_USD(out.results.architectures[0].mean.value(metric::CostTotal), 0.0);
    }

    // Init billing: a cold invocation with 350 ms of init and 100.4 ms of
    // handler time bills 451 ms on Lambda (INIT billed since 2025-08-01) and
    // 101 ms on Azure (execution only).
    void initTimeIsBilledOnlyWherePricingSaysSo() {
        const ServerlessPricing lambda = preset("aws-lambda-x86");
        const ServerlessPricing azure = preset("azure-functions-consumption");
        QVERIFY(lambda.billInit);
        QVERIFY(!azure.billInit);
        ServerlessBillingMeter lambdaMeter(lambda, 1024.0, 0);
        ServerlessBillingMeter azureMeter(azure, 1024.0, 0);
        lambdaMeter.startWindow(0.0);
        azureMeter.startWindow(0.0);
        lambdaMeter.chargeInvocation(1.0, 0.1004, 0.35, false);
        azureMeter.chargeInvocation(1.0, 0.1004, 0.35, false);
        lambdaMeter.endWindow(10.0);
        azureMeter.endWindow(10.0);
        COMPARE_USD(component(lambdaMeter.total(), "compute"), 0.451 * 0.0000166667);
        COMPARE_USD(component(azureMeter.total(), "compute"), 0.101 * 0.000016);
    }

    // Two provisioned 1024 MB instances for a day: 2 x 1 GB x 86,400 s =
    // 172,800 GB-s x $0.0000041667 = $0.72000576; 1,000 executions of
    // 100 ms on them: 100 GB-s x $0.0000097222 = $0.00097222.
    void provisionedCapacityAndItsExecutionsHaveTheirOwnRates() {
        ServerlessBillingMeter meter(preset("aws-lambda-x86"), 1024.0, 2);
        chargeWarm(meter, 1000, 60.0, 0.1, 86400.0, true);
        COMPARE_USD(component(meter.total(), "provisioned"), 0.72000576 + 0.00097222);
        COMPARE_USD(component(meter.total(), "compute"), 0.0);
        COMPARE_USD(component(meter.total(), "requests"), 1000 * 0.2e-6);
    }

    // Provisioned time is billed in 5-minute steps: 1,000 s -> 1,200 s.
    // 2 x 1 GB x 1,200 s = 2,400 GB-s x $0.0000041667 = $0.01000008.
    void provisionedTimeRoundsUpToFiveMinutes() {
        ServerlessBillingMeter meter(preset("aws-lambda-x86"), 1024.0, 2);
        meter.startWindow(0.0);
        meter.endWindow(1000.0);
        COMPARE_USD(meter.total().total(), 0.01000008);
    }

    // A day of 100,000 invocations of 100 ms at 1024 MB projects to a month
    // of 3e6 requests ($0.60) and 300,000 GB-s ($5.00001).
    void monthlyProjectionScalesUsageNotCost() {
        ServerlessBillingMeter meter(preset("aws-lambda-x86"), 1024.0, 0);
        chargeWarm(meter, 100000, 0.864, 0.1, 86400.0);
        COMPARE_USD(meter.monthlyProjection().total(), 0.60 + 5.00001);
        // With the free tier, the month's allowance is applied once to the
        // projected volume: 2e6 billable requests, 0 billable GB-s.
        ServerlessPricing withFree = preset("aws-lambda-x86");
        withFree.applyFreeTier = true;
        ServerlessBillingMeter free(withFree, 1024.0, 0);
        chargeWarm(free, 100000, 0.864, 0.1, 86400.0);
        COMPARE_USD(free.monthlyProjection().total(), 0.40);
    }

    void billedUnitsRoundUpButForgiveFloatingPointNoise() {
        const ServerlessPricing lambda = preset("aws-lambda-x86");
        QCOMPARE(lambda.billedUnits(0.2), std::uint64_t(200));       // 200.00000000000003
        QCOMPARE(lambda.billedUnits(0.1 + 0.2), std::uint64_t(300)); // 0.30000000000000004
        QCOMPARE(lambda.billedUnits(0.2000001), std::uint64_t(201)); // 0.1 us over: a new ms
        QCOMPARE(lambda.billedUnits(0.0), std::uint64_t(1));         // 1 ms minimum
        const ServerlessPricing azure = preset("azure-functions-consumption");
        QCOMPARE(azure.billedUnits(0.0004), std::uint64_t(100)); // 100 ms minimum
        QCOMPARE(azure.billedUnits(0.1001), std::uint64_t(101));
        const ServerlessPricing gcf = preset("gcp-cloud-functions-gen1");
        QCOMPARE(gcf.billedUnits(0.26), std::uint64_t(3)); // 3 x 100 ms
        QCOMPARE(gcf.billedUnits(0.3), std::uint64_t(3));
    }

    void cumulativeCostEndsAtTheTotal() {
        ServerlessPricing pricing = preset("aws-lambda-x86");
        pricing.applyFreeTier = true;
        ServerlessBillingMeter meter(pricing, 512.0, 1);
        meter.startWindow(0.0);
        double previous = 0.0;
        for (int i = 0; i < 40000; ++i) {
            meter.chargeInvocation(i * 100.0, 0.5, 0.0, i % 2 == 0);
            if (i % 1000 == 999) {
                const double soFar = meter.costSoFar(i * 100.0);
                QVERIFY(soFar >= previous);
                previous = soFar;
            }
        }
        meter.endWindow(4e6);
        COMPARE_USD(meter.costSoFar(4e6), meter.total().total());
    }

    // End to end through the platform: constant arrivals every 100 ms for
    // 100 s (arrivals at 0.1, 0.2, ..., 99.9: 999 requests), 50 ms of work,
    // a 20 ms cold start. Each request finishes before the next arrives, so
    // one instance serves all: one cold start.
    //  Lambda (init billed, 1 ms): 70 ms + 998 x 50 ms = 49.97 s x 0.5 GB
    //    = 24.985 GB-s x $0.0000166667, + 999 x $2e-7.
    //  Azure (init not billed, 100 ms minimum): 999 x 0.1 s x 0.5 GB
    //    = 49.95 GB-s x $0.000016, + 999 x $2e-7.
    void platformBillsEveryRequestOfAKnownTrace() {
        const Scenario scenario = test::scenarioFromJson(R"({
          "format": "faaslab.scenario/1", "name": "trace",
          "simulation": { "duration_s": 100 },
          "workload": { "arrivals": { "process": "constant", "rate_per_s": 10 },
                        "service_time_s": { "dist": "deterministic", "value": 0.05 },
                        "memory_mb": 512 },
          "architectures": [
            { "name": "L", "type": "serverless",
              "cold_start_s": { "dist": "deterministic", "value": 0.02 },
              "pricing": "aws-lambda-x86" },
            { "name": "A", "type": "serverless",
              "cold_start_s": { "dist": "deterministic", "value": 0.02 },
              "pricing": "azure-functions-consumption" } ] })");
        const RunOutput out = runScenario(scenario);
        const auto& lambda = out.results.architectures[0].mean;
        const auto& azure = out.results.architectures[1].mean;
        QCOMPARE(lambda.value(metric::Arrived), 999.0);
        QCOMPARE(lambda.value(metric::ColdStarts), 1.0);
        QCOMPARE(lambda.value(metric::InstancesMax), 1.0);
        COMPARE_USD(lambda.value(metric::CostTotal), 24.985 * 0.0000166667 + 999 * 2e-7);
        COMPARE_USD(azure.value(metric::CostTotal), 49.95 * 0.000016 + 999 * 2e-7);
        COMPARE_USD(lambda.value(metric::CostPerMillion),
                    (24.985 * 0.0000166667 + 999 * 2e-7) / 999 * 1e6);
        // The window is 100 s; a 30-day month is 25,920 of them.
        COMPARE_USD(lambda.value(metric::CostMonthly),
                    24.985 * 25920 * 0.0000166667 + 999 * 25920 * 2e-7);
    }
};

QTEST_APPLESS_MAIN(ServerlessBillingTest)
#include "tst_serverless_billing.moc"
