// The workspace file itself: what opening accepts and refuses, WAL and
// foreign keys, transactions, schema migrations from every earlier version
// with data in them, a writer killed with SIGKILL while saving, two writers
// at once.

#include "app/workspace/pricing_catalog_store.h"
#include "app/workspace/run_store.h"
#include "app/workspace/scenario_store.h"
#include "app/workspace/schema_migrator.h"
#include "app/workspace/sql_query.h"
#include "app/workspace/workspace.h"
#include "models/billing/pricing_catalog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace faaslab;
using namespace faaslab::workspace;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QVariant scalar(const Workspace& ws, const QString& sql) {
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next()) {
        return {};
    }
    return q.value(0);
}

// A raw connection, for building databases at an old schema version.
class RawDatabase {
public:
    explicit RawDatabase(const QString& path)
        : m_name("raw-" + path) {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString& sql) const {
        QString error;
        const bool ok = execScript(db(), sql, &error);
        if (!ok) {
            qWarning("%s", qPrintable(error));
        }
        return ok;
    }

private:
    QString m_name;
};

// Rows a user of schema version `version` could have written, in that
// version's own columns.
QString fixtureRows(int version) {
    QString sql;
    if (version >= 1) {
        sql += R"(
INSERT INTO scenarios (id, name, created_at, updated_at)
    VALUES (1, 'old api', '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z');
INSERT INTO scenario_revisions (id, scenario_id, number, document, created_at)
    VALUES (1, 1, 1, '{"name": "old api"}', '2026-01-02T03:04:05.000Z');
INSERT INTO scenario_tags (scenario_id, tag) VALUES (1, 'before-price-change');
INSERT INTO runs (id, revision_id, scenario_name, seed, replications, duration_s, warmup_s,
    software_version, started_at, wall_time_s, status, cheapest, cheapest_monthly_cost)
    VALUES (1, 1, 'old api', 42, 1, 600, 0, '0.0.9', '2026-01-02T03:05:00.000Z', 1.5,
    'completed', 'L', 12.5);
INSERT INTO run_architectures (run_id, position, name, type, replications, series_start_s,
    series_end_s, series_bin_s, series_columns, series_values, latency_cdf)
    VALUES (1, 0, 'L', 'serverless', 1, 0, 600, 600, '["arrivals"]',
    X'0000000000004940', X'9A9999999999B93F000000000000F03F');
INSERT INTO run_metrics (run_id, architecture, statistic, position, key, value)
    VALUES (1, 0, 0, 0, 'cost.monthly_projection', 12.5);
)";
    }
    if (version >= 2) {
        sql += R"(
INSERT INTO pricing_presets (id, document, origin, edited, copied_from, updated_at)
    VALUES ('my-old-preset', '{"id": "my-old-preset", "kind": "vm"}', 'user', 0,
    'aws-ec2-m5-large', '2026-01-02T03:04:05.000Z');
)";
    }
    return sql;
}

QString readOnlyFolder(QTemporaryDir& dir) {
    // Root ignores permission bits; /sys refuses new files even to root.
    if (::geteuid() == 0) {
        return QStringLiteral("/sys");
    }
    const QString path = dir.filePath("locked");
    QDir().mkpath(path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class WorkspaceTest : public QObject {
    Q_OBJECT

private slots:
    void newWorkspaceUsesWalForeignKeysAndTheLatestSchema() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY2(ws.open(dir.filePath("w.sqlite"), &error), qPrintable(error));
        QCOMPARE(scalar(ws, "PRAGMA journal_mode").toString(), QString("wal"));
        QCOMPARE(scalar(ws, "PRAGMA foreign_keys").toInt(), 1);
        QCOMPARE(scalar(ws, "PRAGMA synchronous").toInt(), 2); // FULL
        QCOMPARE(scalar(ws, "PRAGMA application_id").toInt(), Workspace::ApplicationId);
        QCOMPARE(ws.schemaVersion(), SchemaMigrator().latestVersion());
        QVERIFY(SchemaMigrator().latestVersion() >= 3);
        QCOMPARE(ws.integrityCheck(), QString("ok"));
        QCOMPARE(fileBytes(dir.filePath("w.sqlite")).left(16), QByteArray("SQLite format 3\0", 16));
    }

    void migrationsAreNumberedWithoutGaps() {
        const SchemaMigrator migrator;
        for (std::size_t i = 0; i < migrator.migrations().size(); ++i) {
            const auto& m = migrator.migrations()[i];
            QCOMPARE(m.version, static_cast<int>(i) + 1);
            QVERIFY2(m.name.startsWith(QStringLiteral("%1_").arg(m.version, 3, 10, QChar('0'))),
                     qPrintable(m.name));
            QVERIFY2(m.name.endsWith(".sql"), qPrintable(m.name));
        }
    }

    void refusesAFileThatIsNotSqliteAndLeavesItUnchanged() {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.sqlite");
        const QByteArray text = "These are my notes, not a database.\n";
        writeBytes(path, text);
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(path, &error));
        QVERIFY2(error.contains("is not a FaaS Lab workspace (not an SQLite database)"),
                 qPrintable(error));
        QVERIFY2(error.contains("left unchanged"), qPrintable(error));
        QVERIFY2(error.startsWith(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!ws.isOpen());
        QCOMPARE(fileBytes(path), text);
        QVERIFY(!QFile::exists(path + "-wal"));
    }

    void refusesADamagedWorkspaceAndLeavesItUnchanged() {
        QTemporaryDir dir;
        const QString path = dir.filePath("damaged.sqlite");
        {
            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error), qPrintable(error));
            QVERIFY(ScenarioStore(ws).record("a", {{"name", "a"}}, &error));
        }
        QVERIFY(!QFile::exists(path + "-wal")); // checkpointed on close
        // Keep the header, overwrite the schema page with noise.
        QByteArray bytes = fileBytes(path);
        QRandomGenerator noise(5);
        for (qsizetype i = 100; i < bytes.size(); ++i) {
            bytes[i] = static_cast<char>(noise.bounded(256));
        }
        writeBytes(path, bytes);
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(path, &error));
        QVERIFY2(error.contains("damaged") || error.contains("not a FaaS Lab workspace"),
                 qPrintable(error));
        QVERIFY(!ws.isOpen());
        QCOMPARE(fileBytes(path), bytes);
    }

    void refusesAnotherProgramsSqliteDatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath("other.sqlite");
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec("CREATE TABLE contacts (name TEXT);\n"
                             "INSERT INTO contacts VALUES ('Ada');"));
        }
        const QByteArray before = fileBytes(path);
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(path, &error));
        QVERIFY2(error.contains("is an SQLite database but not a FaaS Lab workspace"),
                 qPrintable(error));
        QCOMPARE(fileBytes(path), before);
    }

    // The header identifies the file before SQLite opens it: another
    // program's database is refused whatever its user_version, by both
    // kinds of opening, with its bytes, time and neighbours unchanged.
    void refusesAnotherProgramsDatabaseWhateverItsUserVersion_data() {
        QTest::addColumn<int>("userVersion");
        QTest::addColumn<bool>("wal");
        QTest::newRow("1") << 1 << false;
        QTest::newRow("3") << 3 << false;
        QTest::newRow("-1") << -1 << false;
        QTest::newRow("3, WAL") << 3 << true;
        QTest::newRow("0, tables, WAL") << 0 << true;
    }
    void refusesAnotherProgramsDatabaseWhateverItsUserVersion() {
        QFETCH(int, userVersion);
        QFETCH(bool, wal);
        QTemporaryDir dir;
        const QString path = dir.filePath("app.db");
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec(QStringLiteral("%1CREATE TABLE notes (text TEXT);\n"
                                            "PRAGMA user_version = %2;")
                                 .arg(wal ? "PRAGMA journal_mode = WAL;\n" : "")
                                 .arg(userVersion)));
        }
        QVERIFY(!QFile::exists(path + "-wal"));
        const QByteArray before = fileBytes(path);
        const QDateTime modified = QFileInfo(path).lastModified();
        for (const bool readOnly : {true, false}) {
            Workspace::Options options;
            options.readOnly = readOnly;
            Workspace ws;
            QString error;
            QVERIFY(!ws.open(path, options, &error));
            QVERIFY2(error.contains("is an SQLite database but not a FaaS Lab workspace"),
                     qPrintable(error));
            QCOMPARE(fileBytes(path), before);
            QCOMPARE(QFileInfo(path).lastModified(), modified);
            for (const char* side : {"-wal", "-shm", "-journal"}) {
                QVERIFY2(!QFile::exists(path + side), side);
            }
        }
    }

    void anEmptySqliteDatabaseBecomesAWorkspace() {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.db");
        {
            RawDatabase raw(path);
            QVERIFY(raw.exec("PRAGMA journal_mode = WAL;")); // writes the header, no table
        }
        QVERIFY(fileBytes(path).size() > 0);
        Workspace ws;
        QString error;
        QVERIFY2(ws.open(path, &error), qPrintable(error));
        QCOMPARE(scalar(ws, "PRAGMA application_id").toInt(), Workspace::ApplicationId);
    }

    void readOnlyOpeningReadsAndNeverWrites() {
        QTemporaryDir dir;
        const QString path = dir.filePath("w.sqlite");
        {
            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error), qPrintable(error));
            QVERIFY(ScenarioStore(ws).record("a", {{"name", "a"}}, &error));
        }
        const QByteArray before = fileBytes(path);
        Workspace::Options options;
        options.readOnly = true;
        Workspace ws;
        QString error;
        QVERIFY2(ws.open(path, options, &error), qPrintable(error));
        QVERIFY(ws.isReadOnly());
        QVERIFY(ScenarioStore(ws).findByName("a", &error));
        QVERIFY(!ScenarioStore(ws).record("b", {{"name", "b"}}, &error));
        QVERIFY2(error.contains("read-only"), qPrintable(error));
        ws.close();
        QCOMPARE(fileBytes(path), before);

        // Missing or empty: nothing to read, and nothing is created.
        QVERIFY(!ws.open(dir.filePath("missing.sqlite"), options, &error));
        QVERIFY2(error.contains("no such workspace file"), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath("missing.sqlite")));
        writeBytes(dir.filePath("empty.sqlite"), {});
        QVERIFY(!ws.open(dir.filePath("empty.sqlite"), options, &error));
        QVERIFY2(error.contains("holds no workspace yet"), qPrintable(error));
        QCOMPARE(QFileInfo(dir.filePath("empty.sqlite")).size(), 0);
    }

    void readOnlyOpeningDoesNotUpgradeAnOlderWorkspace() {
        QTemporaryDir dir;
        const QString path = dir.filePath("v2.sqlite");
        {
            RawDatabase raw(path);
            QString error;
            QVERIFY(raw.exec(
                QStringLiteral("PRAGMA application_id = %1;").arg(Workspace::ApplicationId)));
            QVERIFY2(SchemaMigrator().migrate(raw.db(), &error, 2), qPrintable(error));
        }
        const QByteArray before = fileBytes(path);
        Workspace::Options options;
        options.readOnly = true;
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(path, options, &error));
        QVERIFY2(error.contains("has schema version 2, older than this version's") &&
                     error.contains("does not upgrade it"),
                 qPrintable(error));
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(QFileInfo(path).size(), before.size());
    }

    void refusesToWriteToADamagedWorkspace() {
        QTemporaryDir dir;
        const QString path = dir.filePath("w.sqlite");
        int page = 0;
        int pageSize = 0;
        {
            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error), qPrintable(error));
            QVERIFY(ScenarioStore(ws).record("a", {{"name", "a"}}, &error));
            page =
                scalar(ws, "SELECT rootpage FROM sqlite_master WHERE name = 'scenarios'").toInt();
            pageSize = scalar(ws, "PRAGMA page_size").toInt();
        }
        QVERIFY(page > 1);
        QByteArray bytes = fileBytes(path);
        QRandomGenerator noise(11);
        for (qsizetype i = qsizetype(page - 1) * pageSize + 1; i < qsizetype(page) * pageSize;
             ++i) {
            bytes[i] = static_cast<char>(noise.bounded(256));
        }
        writeBytes(path, bytes);
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(path, &error));
        QVERIFY2(error.contains("the workspace file is damaged (PRAGMA quick_check: "),
                 qPrintable(error));
        QCOMPARE(fileBytes(path), bytes);
    }

    void refusesAWorkspaceFromANewerVersion() {
        QTemporaryDir dir;
        const QString path = dir.filePath("future.sqlite");
        {
            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error), qPrintable(error));
            QSqlQuery(ws.database()).exec("PRAGMA user_version = 999");
        }
        const QByteArray before = fileBytes(path);
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(path, &error));
        QVERIFY2(error.contains("newer FaaS Lab (schema version 999"), qPrintable(error));
        QCOMPARE(fileBytes(path), before);
    }

    void reportsAReadOnlyLocation() {
        QTemporaryDir dir;
        const QString folder = readOnlyFolder(dir);
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(folder + "/w.sqlite", &error));
        QVERIFY2(error.contains("cannot create the workspace file (is the location read-only?)"),
                 qPrintable(error));
        QVERIFY(!ws.isOpen());
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
    }

    void reportsAMissingFolder() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY(!ws.open(dir.filePath("no/such/folder/w.sqlite"), &error));
        QVERIFY2(error.contains("the folder") && error.contains("does not exist"),
                 qPrintable(error));
    }

    void aFailedWriteLeavesNothingBehind() {
        QTemporaryDir dir;
        Workspace ws;
        QString error;
        QVERIFY(ws.open(dir.filePath("w.sqlite"), &error));
        const bool ok = ws.write(
            [&](QString* problem) {
                QSqlQuery(ws.database())
                    .exec("INSERT INTO scenarios (name, created_at, updated_at) "
                          "VALUES ('x', 'a', 'a')");
                *problem = "simulated failure";
                return false;
            },
            &error);
        QVERIFY(!ok);
        QVERIFY2(error.contains("simulated failure"), qPrintable(error));
        QCOMPARE(scalar(ws, "SELECT count(*) FROM scenarios").toInt(), 0);
    }

    void migratesFromEveryEarlierVersionKeepingData() {
        const SchemaMigrator migrator;
        for (int from = 0; from < migrator.latestVersion(); ++from) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("v%1.sqlite").arg(from));
            {
                RawDatabase raw(path);
                QString error;
                // Every released version set the application_id before its
                // first migration.
                if (from > 0) {
                    QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = %1;")
                                         .arg(Workspace::ApplicationId)));
                }
                QVERIFY2(migrator.migrate(raw.db(), &error, from), qPrintable(error));
                QVERIFY(raw.exec(fixtureRows(from)));
            }
            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error),
                     qPrintable(QStringLiteral("from v%1: %2").arg(from).arg(error)));
            QCOMPARE(ws.schemaVersion(), migrator.latestVersion());
            QCOMPARE(ws.integrityCheck(), QString("ok"));
            QCOMPARE(scalar(ws, "PRAGMA foreign_key_check").toString(), QString());
            if (from >= 1) {
                const auto run = RunStore(ws).load(1, &error);
                QVERIFY2(run, qPrintable(error));
                QCOMPARE(run->summary.scenarioName, QString("old api"));
                QCOMPARE(run->summary.seed, std::uint64_t(42));
                QCOMPARE(run->summary.label, QString()); // column added by version 3
                QCOMPARE(run->results.architectures.size(), std::size_t(1));
                QCOMPARE(run->results.architectures[0].series.values[0][0], 50.0);
                QCOMPARE(run->results.architectures[0].latencyCdf[0].first, 0.1);
                QCOMPARE(run->results.architectures[0].mean.value("cost.monthly_projection"), 12.5);
                const auto scenario = ScenarioStore(ws).findByName("old api", &error);
                QVERIFY(scenario);
                QCOMPARE(scenario->tags, QStringList{"before-price-change"});
            }
            if (from >= 2) {
                const auto preset = PricingCatalogStore(ws).find("my-old-preset", &error);
                QVERIFY2(preset, qPrintable(error));
                QCOMPARE(preset->copiedFrom, QString("aws-ec2-m5-large"));
            }
            // The built-ins are there after the upgrade, whatever the start.
            QVERIFY(PricingCatalogStore(ws).find("aws-lambda-x86", &error));
            // And the upgraded file takes new data of the newest schema.
            const auto revision = ScenarioStore(ws).record("new", {{"name", "new"}}, &error);
            QVERIFY2(revision, qPrintable(error));
        }
    }

    void aMigrationThatFailsLeavesTheOldVersion() {
        QTemporaryDir dir;
        const QString path = dir.filePath("w.sqlite");
        RawDatabase raw(path);
        QString error;
        const SchemaMigrator migrator;
        QVERIFY(migrator.migrate(raw.db(), &error, 1));
        // A table of the name version 2 creates makes that migration fail.
        QVERIFY(raw.exec("CREATE TABLE pricing_presets (x INTEGER);"));
        QVERIFY(!migrator.migrate(raw.db(), &error));
        QVERIFY2(error.contains("version 2") && error.contains("002_"), qPrintable(error));
        QCOMPARE(SchemaMigrator::currentVersion(raw.db(), &error), 1);
    }

    void twoWritersAtOnceBothSucceed() {
        QTemporaryDir dir;
        const QString path = dir.filePath("shared.sqlite");
        {
            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error), qPrintable(error));
        }
        QProcess a;
        QProcess b;
        a.start(FAASLAB_WORKSPACE_WRITER, {path, "40", "a"});
        b.start(FAASLAB_WORKSPACE_WRITER, {path, "40", "b"});
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        QCOMPARE(a.readAllStandardOutput().count("saved "), 40);
        QCOMPARE(b.readAllStandardOutput().count("saved "), 40);
        Workspace ws;
        QString error;
        QVERIFY(ws.open(path, &error));
        QCOMPARE(scalar(ws, "SELECT count(*) FROM runs WHERE label = 'a'").toInt(), 40);
        QCOMPARE(scalar(ws, "SELECT count(*) FROM runs WHERE label = 'b'").toInt(), 40);
        QCOMPARE(ws.integrityCheck(), QString("ok"));
    }

    void aWriterKilledWhileSavingLosesNoSavedRun() {
        QTemporaryDir dir;
        const QString path = dir.filePath("killed.sqlite");
        QSet<qint64> reported;
        // Kill at a different point each round: after 5, 17 and 40 saves.
        for (int target : {5, 17, 40}) {
            QProcess writer;
            writer.start(FAASLAB_WORKSPACE_WRITER, {path, "0"});
            QVERIFY(writer.waitForStarted());
            QByteArray out;
            while (out.count("saved ") < target && writer.state() == QProcess::Running) {
                writer.waitForReadyRead(5000);
                out += writer.readAllStandardOutput();
            }
            writer.kill(); // SIGKILL: no cleanup, mid-transaction
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            out += writer.readAllStandardOutput();
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("saved ")) {
                    reported.insert(line.mid(6).toLongLong());
                }
            }
            QVERIFY(reported.size() >= target);

            Workspace ws;
            QString error;
            QVERIFY2(ws.open(path, &error), qPrintable(error));
            QCOMPARE(ws.integrityCheck(), QString("ok"));
            RunStore runs(ws);
            for (qint64 id : reported) {
                const auto run = runs.load(id, &error);
                QVERIFY2(run, qPrintable(QStringLiteral("run %1: %2").arg(id).arg(error)));
                QCOMPARE(run->results.architectures.size(), std::size_t(2));
            }
        }
    }
};

QTEST_GUILESS_MAIN(WorkspaceTest)
#include "tst_workspace.moc"
