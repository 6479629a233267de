// The numbers of a price list as the pricing catalog lists and edits them:
// every number found with its path and unit, edits in place.

#include "models/billing/pricing_catalog.h"
#include "models/billing/pricing_fields.h"

#include <QtTest>

using namespace faaslab;

class PricingFieldsTest : public QObject {
    Q_OBJECT

private slots:
    void unitsFollowTheFieldNames_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("unit");
        QTest::newRow("request fee") << "per_million_requests"
                                     << "USD per 1M requests";
        QTest::newRow("tier rate") << "per_gb_s_tiers[1].per_gb_s"
                                   << "USD per GB-s";
        QTest::newRow("tier bound") << "per_gb_s_tiers[0].up_to_gb_s"
                                    << "GB-s";
        QTest::newRow("provisioned") << "provisioned.execution_per_gb_s"
                                     << "USD per GB-s";
        QTest::newRow("idle vcpu") << "idle_per_vcpu_s"
                                   << "USD per vCPU-s";
        QTest::newRow("per hour") << "per_hour"
                                  << "USD per hour";
        QTest::newRow("fargate vcpu") << "per_vcpu_hour"
                                      << "USD per vCPU-hour";
        QTest::newRow("granularity ms") << "granularity_ms"
                                        << "ms";
        QTest::newRow("granularity s") << "provisioned.granularity_s"
                                       << "s";
        QTest::newRow("memory") << "minimum_memory_mb"
                                << "MB";
        QTest::newRow("discount") << "discount_percent"
                                  << "%";
        QTest::newRow("free requests") << "free_tier.requests"
                                       << "requests";
        QTest::newRow("free gb-s") << "free_tier.gb_s"
                                   << "GB-s";
        QTest::newRow("free vcpu-s") << "free_tier.vcpu_s"
                                     << "vCPU-s";
        QTest::newRow("cpu") << "memory_tiers[3].cpu_ghz"
                             << "GHz";
        QTest::newRow("vcpu") << "vcpu"
                              << "vCPU";
    }

    void unitsFollowTheFieldNames() {
        QFETCH(QString, path);
        QFETCH(QString, unit);
        QCOMPARE(QString::fromStdString(pricingFieldUnit(path.toStdString())), unit);
    }

    void everyNumberOfEveryBuiltinPresetHasAUnit() {
        for (const PricingPreset& preset : PricingCatalog::builtin().presets()) {
            const auto fields = pricingFields(preset.document);
            QVERIFY(!fields.empty());
            for (const PricingField& f : fields) {
                QVERIFY2(!f.unit.empty(), (preset.id + ": " + f.path).c_str());
            }
        }
    }

    void listsNumbersInDocumentOrderAndEditsThemInPlace() {
        auto document = PricingCatalog::builtin().find("aws-lambda-x86")->document;
        const auto fields = pricingFields(document);
        QCOMPARE(fields.front().path, std::string("per_million_requests"));
        QCOMPARE(fields.front().value, 0.20);
        QCOMPARE(fields[2].path, std::string("per_gb_s_tiers[0].per_gb_s"));
        QCOMPARE(fields[2].value, 0.0000166667);
        QVERIFY(setPricingField(document, "per_gb_s_tiers[2].per_gb_s", 0.00001));
        QCOMPARE(document["per_gb_s_tiers"][2]["per_gb_s"].get<double>(), 0.00001);
        QVERIFY(setPricingField(document, "free_tier.requests", 2000000));
        QVERIFY(document["free_tier"]["requests"].is_number_integer()); // stays a whole number
        QVERIFY(!setPricingField(document, "per_gb_s_tiers[9].per_gb_s", 1));
        QVERIFY(!setPricingField(document, "provider", 1)); // not a number
        QVERIFY(!setPricingField(document, "no_such_field", 1));
        QVERIFY(!setPricingField(document, "per_gb_s_tiers[x]", 1));
    }
};

QTEST_GUILESS_MAIN(PricingFieldsTest)
#include "tst_pricing_fields.moc"
