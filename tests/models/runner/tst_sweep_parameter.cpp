// What a sweep can vary (models/runner/sweep_parameter.h), without a window:
// the numeric paths listed, their units, and which fields take only whole
// numbers, decided by the scenario reader itself.

#include "models/runner/sweep_parameter.h"
#include "models/runner/sweep_runner.h"
#include "tests/support/test_scenarios.h"

#include <QtTest>
#include <fstream>

using namespace faaslab;

namespace {

using Json = nlohmann::ordered_json;

Json example(const std::string& name) {
    std::ifstream in(test::resourcePath("scenarios/" + name));
    return Json::parse(in);
}

} // namespace

class SweepParameterTest : public QObject {
    Q_OBJECT

private slots:
    void listsEveryNumberAsADottedPathInDocumentOrder() {
        Json document = Json::parse(R"({"a": 1, "b": {"c_s": 2.5, "name": "x", "d.e": 3},
                                        "f": [4, {"g": 5}], "h": true})");
        Json& steps = document["steps"] = Json::array();
        for (int i = 0; i < 100; ++i) {
            steps.push_back(i);
        }
        const std::vector<std::string> paths = numericParameterPaths(document);
        QCOMPARE(paths.size(), std::size_t{4} + MaxListedArrayElements);
        QCOMPARE(paths[0], std::string("a"));
        QCOMPARE(paths[1], std::string("b.c_s"));
        QCOMPARE(paths[2], std::string("f[0]"));
        QCOMPARE(paths[3], std::string("f[1].g"));
        QCOMPARE(paths.back(), "steps[" + std::to_string(MaxListedArrayElements - 1) + "]");
    }

    void unitsFollowTheKeysSuffix_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("unit");
        QTest::newRow("rate") << "workload.arrivals.rate_per_s"
                              << "per s";
        QTest::newRow("seconds") << "architectures[0].keep_alive_s"
                                 << "s";
        QTest::newRow("megabytes") << "workload.memory_mb"
                                   << "MB";
        QTest::newRow("count") << "architectures[1].max_instances"
                               << "";
        QTest::newRow("no dot") << "timeout_s"
                                << "s";
        QTest::newRow("milliseconds") << "architectures[0].pricing.granularity_ms"
                                      << "ms";
        // A price-list rate: its unit is the price list's, not the "_s" of
        // its name.
        QTest::newRow("rate of a price list") << "architectures[0].pricing.per_gb_s"
                                              << "USD per GB-s";
        QTest::newRow("free tier") << "architectures[0].pricing.free_tier.gb_s"
                                   << "GB-s";
        QTest::newRow("element") << "workload.service_time_s.samples[2]"
                                 << "";
    }
    void unitsFollowTheKeysSuffix() {
        QFETCH(QString, path);
        QFETCH(QString, unit);
        QCOMPARE(QString::fromStdString(parameterUnit(path.toStdString())), unit);
    }

    void wholeNumbersAreWhatTheReaderDecides() {
        const Json document = example("serverless-api.json");
        std::string problem;
        const auto count = parameterPointer(document, "architectures[0].max_instances", problem);
        const auto span = parameterPointer(document, "architectures[0].keep_alive_s", problem);
        QVERIFY(count && span);
        const PricingCatalog& catalog = PricingCatalog::builtin();
        QVERIFY(takesWholeNumbers(document, *count, 50.7, catalog, {}));
        QVERIFY(!takesWholeNumbers(document, *span, 300.0, catalog, {}));
        QVERIFY(scenarioWithValue(document, *span, 120.0, catalog, {}).has_value());
        QVERIFY(!scenarioWithValue(document, *span, -1.0, catalog, {}).has_value());
    }
};

QTEST_APPLESS_MAIN(SweepParameterTest)
#include "tst_sweep_parameter.moc"
