#include "models/billing/pricing_catalog.h"
#include "models/scenario/pricing_reader.h"
#include "models/scenario/scenario_reader.h"
#include "resources/embedded_files.h"

#include <QtTest>
#include <regex>

using namespace faaslab;

class PricingPresetsTest : public QObject {
    Q_OBJECT

private slots:
    void everyBuiltInPresetIsValidAndCitesItsSource() {
        const PricingCatalog& catalog = PricingCatalog::builtin();
        QVERIFY(catalog.presets().size() >= 4);
        const std::regex date(R"(\d{4}-\d{2}-\d{2})");
        for (const PricingPreset& preset : catalog.presets()) {
            QVERIFY2(preset.fileName == preset.id + ".json",
                     qPrintable(QString::fromStdString(preset.fileName)));
            Diagnostics diagnostics;
            const auto pricing = readServerlessPreset(preset, diagnostics);
            QVERIFY2(pricing.has_value(),
                     qPrintable(QString::fromStdString(diagnostics.format(preset.fileName))));
            QVERIFY(pricing->sourceUrl.starts_with("https://"));
            QVERIFY2(std::regex_match(pricing->asOf, date),
                     qPrintable(QString::fromStdString(pricing->asOf)));
            QVERIFY(!pricing->provider.empty());
            QVERIFY(!pricing->product.empty());
            QVERIFY(!pricing->notes.empty());
            QVERIFY(pricing->perRequest > 0.0);
            QVERIFY(!pricing->perGbSecond.empty());
        }
    }

    void theRequiredOfferingsArePresent() {
        const PricingCatalog& catalog = PricingCatalog::builtin();
        for (const char* id : {"aws-lambda-x86", "aws-lambda-arm", "azure-functions-consumption",
                               "gcp-cloud-functions-gen1"}) {
            QVERIFY2(catalog.find(id) != nullptr, id);
        }
    }

    void everyExampleScenarioIsValid() {
        QVERIFY(!resources::exampleScenarioFiles().empty());
        for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
            const ScenarioReadResult result = ScenarioReader().readText(file.contents);
            QVERIFY2(result.ok(), qPrintable(QString::fromStdString(
                                      result.diagnostics.format(std::string(file.name)))));
        }
    }
};

QTEST_APPLESS_MAIN(PricingPresetsTest)
#include "tst_pricing_presets.moc"
