// The scenario library: revisions, tags, search, rename, duplicate, delete.

#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/workspace.h"
#include "tests/app/workspace/workspace_fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace faaslab;
using namespace faaslab::workspace;
using Json = nlohmann::ordered_json;

class ScenarioStoreTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Workspace m_ws;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_ws.open(m_dir.filePath("library.sqlite"), &error), qPrintable(error));
    }

    void anUnchangedDocumentIsOneRevisionAChangedOneANewRevision() {
        ScenarioStore store(m_ws);
        QString error;
        Json document = test::smallScenarioJson();
        const auto first = store.record("small", document, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->number, 1);
        const auto again = store.record("small", document, &error);
        QCOMPARE(again->id, first->id);
        document["workload"]["arrivals"]["rate_per_s"] = 30;
        const auto second = store.record("small", document, &error);
        QCOMPARE(second->number, 2);
        QCOMPARE(Json::parse(second->document.toStdString())["workload"]["arrivals"]["rate_per_s"],
                 Json(30));
        const auto revisions = store.revisions(first->scenarioId, &error);
        QCOMPARE(revisions->size(), std::size_t(2));
        const auto scenario = store.find(first->scenarioId, &error);
        QCOMPARE(scenario->revisionCount, 2);
        QCOMPARE(scenario->latestRevisionId, second->id);
        QVERIFY(!store.record("   ", document, &error));
        QCOMPARE(error, QString("a scenario name cannot be empty"));
    }

    void searchAndTagsFilterTheLibrary() {
        ScenarioStore store(m_ws);
        QString error;
        const auto api = store.record("Checkout API", {{"name", "Checkout API"}}, &error);
        const auto batch = store.record("Nightly batch", {{"name", "Nightly batch"}}, &error);
        QVERIFY(store.setTags(api->scenarioId, {"prod", " pricing-2026 ", ""}, &error));
        QVERIFY(store.setTags(batch->scenarioId, {"prod"}, &error));
        QCOMPARE(store.find(api->scenarioId, &error)->tags, (QStringList{"pricing-2026", "prod"}));
        auto names = [&](const QString& search, const QString& tag) {
            QStringList out;
            const auto found = store.list(search, tag, &error);
            for (const StoredScenario& s : *found) {
                out << s.name;
            }
            return out;
        };
        QCOMPARE(names("checkout", ""), QStringList{"Checkout API"});
        QCOMPARE(names("", "prod"), (QStringList{"Checkout API", "Nightly batch"}));
        QCOMPARE(names("", "pricing-2026"), QStringList{"Checkout API"});
        QCOMPARE(names("nightly", "pricing-2026"), QStringList{});
        QVERIFY(store.allTags(&error)->contains("pricing-2026"));
    }

    void renameDuplicateAndDelete() {
        ScenarioStore store(m_ws);
        QString error;
        const auto revision = store.record("draft", test::smallScenarioJson(), &error);
        QVERIFY(store.setTags(revision->scenarioId, {"t"}, &error));
        RunRecord record;
        record.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(RunStore(m_ws).save(revision->id, test::smallRunResults(), record, &error));

        QVERIFY2(store.rename(revision->scenarioId, "final", &error), qPrintable(error));
        const auto renamed = store.find(revision->scenarioId, &error);
        QCOMPARE(renamed->name, QString("final"));
        // The document's name follows, in a new revision; old runs keep theirs.
        const auto latest = store.revision(renamed->latestRevisionId, &error);
        QCOMPARE(Json::parse(latest->document.toStdString())["name"], Json("final"));
        QCOMPARE(latest->number, 2);
        QCOMPARE(renamed->runCount, 1);
        QVERIFY(!store.rename(revision->scenarioId, "Checkout API", &error));
        QCOMPARE(error.contains("exists already"), true);

        const QString copyName = store.unusedName("final");
        QCOMPARE(copyName, QString("final (2)"));
        const auto copy = store.duplicate(revision->scenarioId, copyName, &error);
        QVERIFY2(copy, qPrintable(error));
        const auto copied = store.find(*copy, &error);
        QCOMPARE(copied->tags, QStringList{"t"});
        QCOMPARE(copied->runCount, 0);
        QCOMPARE(copied->revisionCount, 1);

        QVERIFY(store.remove(revision->scenarioId, &error));
        QVERIFY(!store.find(revision->scenarioId, &error));
        QVERIFY(RunStore(m_ws).list(&error, revision->scenarioId)->empty());
        QVERIFY(store.find(*copy, &error)); // the copy stays
    }
};

QTEST_GUILESS_MAIN(ScenarioStoreTest)
#include "tst_scenario_store.moc"
