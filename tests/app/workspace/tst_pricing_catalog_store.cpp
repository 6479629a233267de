// The pricing catalog: built-ins loaded on first open and on upgrade without
// overwriting edits, edits validated by the model's readers, copies that a
// scenario can name, import and export.

#include "app/workspace/pricing_catalog_store.h"
#include "app/workspace/workspace.h"
#include "models/billing/pricing_catalog.h"
#include "models/billing/pricing_fields.h"
#include "models/runner/scenario_runner.h"
#include "models/scenario/scenario_reader.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace faaslab;
using namespace faaslab::workspace;
using Json = nlohmann::ordered_json;

namespace {

std::string scenarioUsing(const std::string& preset) {
    return R"({ "format": "faaslab.scenario/1", "name": "priced",
  "simulation": { "duration_s": 1200, "seed": 3, "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 4 },
                "service_time_s": { "dist": "exponential", "mean": 0.1 }, "memory_mb": 1024 },
  "architectures": [ { "name": "Fn", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.3 }, "pricing": ")" +
           preset + R"(" } ] })";
}

double metricOf(const ScenarioResults& r, const char* key) {
    return r.architectures.at(0).mean.value(key);
}

} // namespace

class PricingCatalogStoreTest : public QObject {
    Q_OBJECT

private slots:
    void firstOpenLoadsEveryBuiltinPreset() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY2(ws.open(dir.filePath("w.sqlite"), &error), qPrintable(error));
        const auto presets = PricingCatalogStore(ws).list(&error);
        QVERIFY2(presets, qPrintable(error));
        QCOMPARE(presets->size(), PricingCatalog::builtin().presets().size());
        for (const StoredPreset& p : *presets) {
            QVERIFY(p.builtin);
            QVERIFY(!p.edited);
            const PricingPreset* shipped = PricingCatalog::builtin().find(p.id.toStdString());
            QVERIFY(shipped != nullptr);
            QVERIFY(p.document == shipped->document);
            QCOMPARE(p.sourceUrl.toStdString(), shipped->document.value("source_url", ""));
            QCOMPARE(p.asOf.toStdString(), shipped->document.value("as_of", ""));
            QCOMPARE(p.kind.toStdString(), shipped->kind);
            QVERIFY(!p.provider.isEmpty());
        }
        const auto run = PricingCatalogStore(ws).find("gcp-cloud-run-request", &error);
        QCOMPARE(run->billingKind, QString("request_based"));
        QCOMPARE(PricingCatalogStore(ws).find("aws-lambda-x86", &error)->billingKind,
                 QString("per_request"));
    }

    void anUpgradeUpdatesUneditedBuiltinsAndKeepsEdits() {
        QTemporaryDir dir;
        const QString path = dir.filePath("w.sqlite");
        QString error;
        {
            Workspace ws;
            QVERIFY(ws.open(path, &error));
            PricingCatalogStore store(ws);
            // The user edits one built-in.
            Json edited = store.find("aws-lambda-x86", &error)->document;
            QVERIFY(setPricingField(edited, "per_million_requests", 0.25));
            QVERIFY2(store.save(edited, &error), qPrintable(error));
            QVERIFY(store.find("aws-lambda-x86", &error)->edited);
            // Pretend both presets came from an older release whose rates
            // differed, as an upgrade would find them.
            QSqlQuery q(ws.database());
            QVERIFY(q.exec("UPDATE pricing_presets SET builtin_document = "
                           "json_set(builtin_document, '$.as_of', '2025-01-01') WHERE id IN "
                           "('aws-lambda-x86', 'aws-lambda-arm')"));
            QVERIFY(q.exec("UPDATE pricing_presets SET document = builtin_document "
                           "WHERE id = 'aws-lambda-arm'"));
            QVERIFY(q.exec("DELETE FROM pricing_presets WHERE id = 'gcp-e2-standard-2'"));
        }
        Workspace ws;
        QVERIFY(ws.open(path, &error));
        PricingCatalogStore store(ws);
        const auto arm = store.find("aws-lambda-arm", &error);
        QVERIFY(arm->document == PricingCatalog::builtin().find("aws-lambda-arm")->document);
        QVERIFY(!arm->edited);
        const auto x86 = store.find("aws-lambda-x86", &error);
        QVERIFY(x86->edited);
        QCOMPARE(x86->document["per_million_requests"].get<double>(), 0.25);
        QVERIFY(x86->shippedDocument == PricingCatalog::builtin().find("aws-lambda-x86")->document);
        QVERIFY(store.find("gcp-e2-standard-2", &error)); // a new built-in arrives
        // Reverting takes the shipped rates back.
        QVERIFY(store.revert("aws-lambda-x86", &error));
        QCOMPARE(
            store.find("aws-lambda-x86", &error)->document["per_million_requests"].get<double>(),
            0.20);
        QVERIFY(!store.find("aws-lambda-x86", &error)->edited);
    }

    void invalidEditsAreRefusedWithThePath() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY(ws.open(dir.filePath("w.sqlite"), &error));
        PricingCatalogStore store(ws);
        Json document = store.find("aws-ec2-m5-large", &error)->document;
        QVERIFY(setPricingField(document, "per_hour", -1));
        QVERIFY(!store.save(document, &error));
        QVERIFY2(error.contains("per_hour") && error.contains("aws-ec2-m5-large"),
                 qPrintable(error));
        document = store.find("aws-ec2-m5-large", &error)->document;
        document["id"] = "Bad Id!";
        QVERIFY(!store.save(document, &error));
        QVERIFY2(error.contains("id: must be 1 to 100 lower-case"), qPrintable(error));
        QCOMPARE(store.find("aws-ec2-m5-large", &error)->document["per_hour"].get<double>(), 0.096);
        QVERIFY(!store.remove("aws-ec2-m5-large", &error));
        QVERIFY2(error.contains("built-in"), qPrintable(error));
    }

    void aCopiedAndEditedPresetPricesAScenario() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY(ws.open(dir.filePath("w.sqlite"), &error));
        PricingCatalogStore store(ws);
        QVERIFY2(store.copy("aws-lambda-x86", "my-lambda", &error), qPrintable(error));
        Json document = store.find("my-lambda", &error)->document;
        QCOMPARE(store.find("my-lambda", &error)->copiedFrom, QString("aws-lambda-x86"));
        QVERIFY(!store.find("my-lambda", &error)->builtin);
        QVERIFY(setPricingField(document, "per_million_requests", 0.40));
        QVERIFY(setPricingField(document, "per_gb_s_tiers[0].per_gb_s", 0.0000333334));
        QVERIFY2(store.save(document, &error), qPrintable(error));

        const auto catalog = store.catalog(&error);
        QVERIFY2(catalog, qPrintable(error));
        // Without the workspace the name is unknown.
        QVERIFY(!ScenarioReader().readText(scenarioUsing("my-lambda")).ok());
        const ScenarioReadResult mine =
            ScenarioReader(*catalog).readText(scenarioUsing("my-lambda"));
        QVERIFY2(mine.ok(), mine.diagnostics.format("scenario").c_str());
        const ScenarioReadResult shipped =
            ScenarioReader(*catalog).readText(scenarioUsing("aws-lambda-x86"));
        QVERIFY(shipped.ok());
        const ScenarioResults a = runScenario(*mine.scenario).results;
        const ScenarioResults b = runScenario(*shipped.scenario).results;
        QCOMPARE(a.architectures[0].pricing.presetId, std::string("my-lambda"));
        // Same requests (same seed); the request fee doubled and the first
        // tier's GB-s rate is 2x 0.0000166667; usage stays in the first tier.
        QCOMPARE(metricOf(a, "requests.arrived"), metricOf(b, "requests.arrived"));
        const double requests = metricOf(a, "cost.breakdown.requests");
        QVERIFY(requests > 0);
        QVERIFY(qAbs(requests - 2 * metricOf(b, "cost.breakdown.requests")) < 1e-12);
        const double compute = metricOf(a, "cost.breakdown.compute");
        QVERIFY(qAbs(compute / metricOf(b, "cost.breakdown.compute") -
                     0.0000333334 / 0.0000166667) < 1e-12);
        QVERIFY(store.remove("my-lambda", &error));
        QVERIFY(!store.find("my-lambda", &error));
    }

    void exportAndImportRoundTripAndBadImportsChangeNothing() {
        QTemporaryDir dir;
        QString error;
        std::string exported;
        {
            Workspace ws;
            QVERIFY(ws.open(dir.filePath("a.sqlite"), &error));
            PricingCatalogStore store(ws);
            QVERIFY(store.copy("gcp-e2-standard-2", "team-e2", &error));
            const auto text = store.exportJson({"team-e2", "aws-ec2-c5-large"}, &error);
            QVERIFY2(text, qPrintable(error));
            exported = *text;
            QVERIFY(!store.exportJson({"nope"}, &error));
            QCOMPARE(error, QString("no preset named 'nope'"));
        }
        const Json file = Json::parse(exported);
        QCOMPARE(file["format"], Json("faaslab.pricing-catalog/1"));
        QCOMPARE(file["presets"].size(), std::size_t(2));

        Workspace ws;
        QVERIFY(ws.open(dir.filePath("b.sqlite"), &error));
        PricingCatalogStore store(ws);
        const auto ids = store.importJson(exported, &error);
        QVERIFY2(ids, qPrintable(error));
        QCOMPARE(*ids, (QStringList{"aws-ec2-c5-large", "team-e2"}));
        QCOMPARE(store.find("team-e2", &error)->document["per_hour"],
                 PricingCatalog::builtin().find("gcp-e2-standard-2")->document["per_hour"]);
        QVERIFY(!store.find("aws-ec2-c5-large", &error)->edited); // same as shipped

        Json bad = file;
        bad["presets"][0]["per_hour"] = "cheap";
        bad["presets"][1]["id"] = "team-e3";
        QVERIFY(!store.importJson(bad.dump(), &error));
        QVERIFY2(error.startsWith("nothing was imported:") && error.contains("presets[0]") &&
                     error.contains("per_hour"),
                 qPrintable(error));
        QVERIFY(!store.find("team-e3", &error));
        QVERIFY(!store.importJson("[1, 2]", &error));
        QVERIFY2(error.contains("faaslab.pricing-catalog/1"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(PricingCatalogStoreTest)
#include "tst_pricing_catalog_store.moc"
