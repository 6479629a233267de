#include "models/billing/pricing_catalog.h"
#include "models/scenario/pricing_reader.h"
#include "models/scenario/scenario_reader.h"
#include "resources/embedded_files.h"
#include "tests/support/test_scenarios.h"

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
            std::optional<PriceListInfo> info;
            if (preset.kind == "serverless") {
                const auto p = readServerlessPreset(preset, diagnostics);
                if (p) {
                    info = p->info;
                    QVERIFY(p->perRequest > 0.0);
                    QVERIFY(!p->perGbSecond.empty());
                }
            } else if (preset.kind == "container") {
                const auto p = readContainerPreset(preset, diagnostics);
                if (p) {
                    info = p->info;
                    QVERIFY(p->perVcpuSecond > 0.0 && p->perGibSecond > 0.0);
                }
            } else {
                QCOMPARE(preset.kind, std::string("vm"));
                const auto p = readVmPreset(preset, diagnostics);
                if (p) {
                    info = p->info;
                    QVERIFY(p->perHour > 0.0 && p->vcpu > 0 && !p->instanceType.empty());
                }
            }
            QVERIFY2(info.has_value(),
                     qPrintable(QString::fromStdString(diagnostics.format(preset.fileName))));
            QVERIFY(info->sourceUrl.starts_with("https://"));
            QVERIFY2(std::regex_match(info->asOf, date), info->asOf.c_str());
            QVERIFY(!info->provider.empty());
            QVERIFY(!info->product.empty());
            QVERIFY(!info->notes.empty());
        }
    }

    void theRequiredOfferingsArePresent() {
        const PricingCatalog& catalog = PricingCatalog::builtin();
        for (const char* id :
             {"aws-lambda-x86", "aws-lambda-arm", "azure-functions-consumption",
              "gcp-cloud-functions-gen1", "gcp-cloud-run-request", "gcp-cloud-run-instance",
              "aws-fargate-linux-x86", "aws-ec2-t3-medium", "aws-ec2-m5-large", "aws-ec2-c5-large",
              "azure-vm-d2s-v5", "gcp-e2-standard-2"}) {
            QVERIFY2(catalog.find(id) != nullptr, id);
        }
    }

    void everyExampleScenarioIsValid() {
        QVERIFY(!resources::exampleScenarioFiles().empty());
        for (const resources::EmbeddedFile& file : resources::exampleScenarioFiles()) {
            ScenarioReader reader;
            reader.setBaseDirectory(test::exampleScenarioDirectory());
            const ScenarioReadResult result = reader.readText(file.contents);
            QVERIFY2(result.ok(), qPrintable(QString::fromStdString(
                                      result.diagnostics.format(std::string(file.name)))));
        }
    }
};

QTEST_APPLESS_MAIN(PricingPresetsTest)
#include "tst_pricing_presets.moc"
