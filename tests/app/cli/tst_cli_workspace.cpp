// faaslab-cli with a workspace, as a user drives it: run --save, runs
// list/show/export from stored results, the pricing catalog commands, and
// the errors for bad workspace files and unknown ids.

#include "tests/support/process_run.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace {

using Outcome = faaslab::test::ProcessOutcome;

// The program an unprivileged child can start. The build tree may sit in a
// folder only its owner can enter (a clone made in `mktemp -d`, mode 0700),
// so the child gets a copy in a folder everyone can read.
QString programForAnyUser() {
    static QTemporaryDir folder;
    static const QString copy = [] {
        const QString path = folder.filePath("faaslab-cli");
        const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                              QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                              QFileDevice::ExeGroup | QFileDevice::ReadOther |
                              QFileDevice::ExeOther;
        if (!folder.isValid() || !QFile::copy(FAASLAB_CLI, path) ||
            !QFile::setPermissions(folder.path(), everyone) ||
            !QFile::setPermissions(path, everyone)) {
            return QString();
        }
        return path;
    }();
    return copy;
}

Outcome cli(const QStringList& arguments, const faaslab::test::ProcessSetup& setup = {}) {
    const QString program = setup.childModifier ? programForAnyUser() : QString(FAASLAB_CLI);
    if (program.isEmpty()) {
        return Outcome{-1, {}, "could not copy faaslab-cli to a folder every user can read"};
    }
    return faaslab::test::runProgram(program, arguments, 120000, setup);
}

// A file's bytes and modification time, to show that nothing touched it.
struct Snapshot {
    QByteArray bytes;
    QDateTime modified;
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return Snapshot{file.readAll(), QFileInfo(path).fileTime(QFileDevice::FileModificationTime)};
}

// Files beside `path` that SQLite would create (journal, WAL, shared memory).
QStringList sideFiles(const QString& path) {
    QStringList found;
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        if (QFile::exists(path + suffix)) {
            found << path + suffix;
        }
    }
    return found;
}

// Runs SQL on a file directly, as another program would.
void execSql(const QString& path, const QStringList& statements) {
    const QString name = "raw-" + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString& sql : statements) {
            QSqlQuery query(db);
            QVERIFY2(query.exec(sql), qPrintable(sql));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A single integer from a file's database.
qint64 sqlValue(const QString& path, const QString& sql) {
    const QString name = "value-" + path;
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        if (query.exec(sql) && query.next()) {
            value = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// The child runs as an unprivileged user when the tests run as root, so
// that permission bits apply to it; otherwise as it is.
faaslab::test::ProcessSetup unprivileged() {
    faaslab::test::ProcessSetup setup;
    if (::geteuid() == 0) {
        setup.childModifier = [] {
            // nobody / nogroup
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
                ::_exit(97);
            }
        };
    }
    return setup;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

const char* const Scenario = R"({ "format": "faaslab.scenario/1", "name": "cli small",
  "simulation": { "duration_s": 900, "seed": 4, "replications": 2, "timeseries_bin_s": 60 },
  "workload": { "arrivals": { "process": "poisson", "rate_per_s": 5 },
                "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [ { "name": "Fn", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "PRESET" } ] })";

} // namespace

class CliWorkspaceTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ws;
    QString m_scenario;

    QString scenarioFile(const QString& preset) {
        const QString path = m_dir.filePath(preset + ".json");
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(QByteArray(Scenario).replace("PRESET", preset.toUtf8()));
        return path;
    }

private slots:
    void initTestCase() {
        m_ws = m_dir.filePath("cli.sqlite");
        m_scenario = scenarioFile("aws-lambda-x86");
    }

    void helpListsTheWorkspaceCommands() {
        const Outcome top = cli({"--help"});
        for (const char* text : {"runs list", "runs show ID", "runs export ID --csv",
                                 "pricing import FILE", "pricing export", "--workspace FILE"}) {
            QVERIFY2(top.out.contains(text), text);
        }
        const Outcome run = cli({"run", "--help"});
        for (const char* text : {"--save", "--label", "--workspace"}) {
            QVERIFY2(run.out.contains(text), text);
        }
        QVERIFY(cli({"runs", "--help"}).out.contains("without simulating again"));
    }

    void aSavedRunIsShownAndExportedExactlyAsRunWroteIt() {
        const QString csv = m_dir.filePath("run.csv");
        const QString series = m_dir.filePath("run-series.csv");
        const QString json = m_dir.filePath("run.json");
        const Outcome run = cli({"run", m_scenario, "--save", "--workspace", m_ws, "--label",
                                 "before", "--csv", csv, "--timeseries", series, "--out", json});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("Saved run 1 (scenario 'cli small', revision 1)"),
                 qPrintable(run.err));

        const Outcome list = cli({"runs", "list", "--workspace", m_ws});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains("cli small (r1)") && list.out.contains("[before]"),
                 qPrintable(list.out));

        const Outcome show = cli({"runs", "show", "1", "--workspace", m_ws});
        QCOMPARE(show.exitCode, 0);
        // The stored run prints the table the run printed, after one header line.
        QVERIFY2(show.out.endsWith(run.out), qPrintable(show.out));
        QVERIFY(show.out.startsWith("Run 1 of 'cli small' (revision 1)"));

        const Outcome exportCsv = cli({"runs", "export", "1", "--csv", "--workspace", m_ws});
        QCOMPARE(exportCsv.exitCode, 0);
        QCOMPARE(exportCsv.out.toUtf8(), readAll(csv));
        const QString seriesOut = m_dir.filePath("export-series.csv");
        QCOMPARE(
            cli({"runs", "export", "1", "--timeseries", "--out", seriesOut, "--workspace", m_ws})
                .exitCode,
            0);
        QCOMPARE(readAll(seriesOut), readAll(series));
        QCOMPARE(cli({"runs", "export", "1", "--json", "--workspace", m_ws}).out.toUtf8(),
                 readAll(json));

        const Outcome listJson = cli({"runs", "list", "--json", "--workspace", m_ws});
        const auto runs = nlohmann::json::parse(listJson.out.toStdString());
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0]["scenario"], "cli small");
        QCOMPARE(runs[0]["seed"], 4);
        QCOMPARE(runs[0]["replications"], 2);
        QCOMPARE(runs[0]["status"], "completed");
    }

    void runsUsageErrorsAndUnknownIds() {
        Outcome o = cli({"runs", "show", "999", "--workspace", m_ws});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("no run with id 999"), qPrintable(o.err));
        o = cli({"runs", "show", "abc", "--workspace", m_ws});
        QCOMPARE(o.exitCode, 2);
        QVERIFY(o.err.contains("expected one run ID"));
        o = cli({"runs", "export", "1", "--workspace", m_ws});
        QCOMPARE(o.exitCode, 2);
        QVERIFY(o.err.contains("choose one of --csv, --timeseries, --json"));
        o = cli({"runs", "frobnicate", "--workspace", m_ws});
        QCOMPARE(o.exitCode, 2);
        o = cli({"run", m_scenario, "--label", "x"});
        QCOMPARE(o.exitCode, 2);
        QVERIFY(o.err.contains("--label: only with --save"));
    }

    void aBadWorkspaceFileIsReportedAndLeftAlone() {
        const QString bad = m_dir.filePath("not-a-db.sqlite");
        {
            QFile file(bad);
            file.open(QIODevice::WriteOnly);
            file.write("my shopping list\n");
        }
        const Outcome list = cli({"runs", "list", "--workspace", bad});
        QCOMPARE(list.exitCode, 1);
        QVERIFY2(list.err.contains("not-a-db.sqlite: is not a FaaS Lab workspace"),
                 qPrintable(list.err));
        // --save checks the workspace before simulating anything.
        const Outcome run = cli({"run", m_scenario, "--save", "--workspace", bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(readAll(bad), QByteArray("my shopping list\n"));
    }

    // Another program's SQLite database, whatever its user_version, is
    // never written: not by a read-only command, not by a writing one.
    void anotherProgramsDatabaseIsNeverWritten_data() {
        QTest::addColumn<int>("userVersion");
        QTest::newRow("user_version 1") << 1;
        QTest::newRow("user_version 3") << 3;
        QTest::newRow("user_version -1") << -1;
    }
    void anotherProgramsDatabaseIsNeverWritten() {
        QFETCH(int, userVersion);
        QTemporaryDir dir;
        const QString app = dir.filePath("app.db");
        execSql(app, {"CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('Ada')",
                      QStringLiteral("PRAGMA user_version = %1").arg(userVersion)});
        QVERIFY(sideFiles(app).isEmpty());
        const Snapshot before = snapshot(app);
        QTest::qWait(1100); // a write would show in the modification time

        const QList<QStringList> commands = {
            {"runs", "list"},
            {"runs", "show", "1"},
            {"runs", "export", "1", "--csv"},
            {"pricing", "list"},
            {"pricing", "show", "aws-lambda-x86"},
            {"pricing", "export"},
            {"run", m_scenario, "--quiet"},
            {"run", m_scenario, "--quiet", "--save"},
            {"runs", "delete", "1"},
            {"pricing", "copy", "aws-lambda-x86", "mine"},
        };
        for (QStringList command : commands) {
            command << "--workspace" << app;
            const Outcome o = cli(command);
            const QString what = command.join(' ');
            QVERIFY2(o.exitCode == 1, qPrintable(what + ": " + QString::number(o.exitCode)));
            QVERIFY2(o.err.contains(app + ": is an SQLite database but not a FaaS Lab workspace") &&
                         o.err.contains("left unchanged"),
                     qPrintable(what + ": " + o.err));
            QVERIFY2(o.out.isEmpty(), qPrintable(what + ": " + o.out));
            QVERIFY2(snapshot(app) == before, qPrintable(what));
            QVERIFY2(sideFiles(app).isEmpty(), qPrintable(what + ": " + sideFiles(app).join(' ')));
        }
        QCOMPARE(sqlValue(app, "PRAGMA user_version"), qint64(userVersion));
        QCOMPARE(sqlValue(app, "PRAGMA application_id"), qint64(0));
        QCOMPARE(sqlValue(app, "SELECT count(*) FROM sqlite_master"), qint64(1));
    }

    // Listing and exporting read; they work where nothing can be written
    // and leave the file as it was.
    void readOnlyCommandsWorkOnAReadOnlyFolderAndFile() {
        QTemporaryDir dir;
        const QString folder = dir.filePath("shared");
        QVERIFY(QDir().mkpath(folder));
        const QString ws = folder + "/team.sqlite";
        QCOMPARE(cli({"run", m_scenario, "--quiet", "--save", "--workspace", ws}).exitCode, 0);
        QVERIFY(sideFiles(ws).isEmpty()); // checkpointed and removed on close
        const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                              QFileDevice::ReadOther | QFileDevice::ExeOwner |
                              QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(dir.path(), readOnly));
        QVERIFY(QFile::setPermissions(folder, readOnly));
        QVERIFY(QFile::setPermissions(ws, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ReadOther));
        const Snapshot before = snapshot(ws);

        const Outcome list = cli({"runs", "list", "--workspace", ws}, unprivileged());
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(list.out.contains("cli small (r1)"), qPrintable(list.out));
        const Outcome exported =
            cli({"runs", "export", "1", "--csv", "--workspace", ws}, unprivileged());
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        // The metadata comment lines, then the table (docs/results-format.md).
        QVERIFY2(exported.out.startsWith("# scenario: "), qPrintable(exported.out));
        QVERIFY2(exported.out.contains("\narchitecture"), qPrintable(exported.out));
        const Outcome pricing =
            cli({"pricing", "show", "aws-lambda-x86", "--workspace", ws}, unprivileged());
        QVERIFY2(pricing.exitCode == 0, qPrintable(pricing.err));
        QCOMPARE(snapshot(ws), before);
        QVERIFY(sideFiles(ws).isEmpty());

        // Saving is refused before anything is simulated.
        const Outcome save = cli({"run", m_scenario, "--save", "--workspace", ws}, unprivileged());
        QCOMPARE(save.exitCode, 1);
        QVERIFY2(save.err.contains(ws + ": is read-only"), qPrintable(save.err));
        QVERIFY2(save.out.isEmpty(), qPrintable(save.out)); // no table: nothing ran
        QCOMPARE(snapshot(ws), before);
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner));
    }

    void aReadOnlyCommandDoesNotCreateAWorkspace() {
        QTemporaryDir dir;
        const QString missing = dir.filePath("typo.sqlite");
        const Outcome o = cli({"runs", "list", "--workspace", missing});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(missing + ": no such workspace file"), qPrintable(o.err));
        QVERIFY(!QFile::exists(missing));
    }

    // A damaged table page: saving into it is refused before the run.
    void aDamagedWorkspaceIsNotWrittenTo() {
        QTemporaryDir dir;
        const QString ws = dir.filePath("damaged.sqlite");
        QCOMPARE(cli({"run", m_scenario, "--quiet", "--save", "--workspace", ws}).exitCode, 0);
        const qint64 pageSize = sqlValue(ws, "PRAGMA page_size");
        const qint64 page = sqlValue(ws, "SELECT rootpage FROM sqlite_master WHERE name = 'runs'");
        QVERIFY(pageSize > 0 && page > 1);
        QVERIFY(sideFiles(ws).isEmpty());
        {
            QFile file(ws);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek((page - 1) * pageSize));
            QByteArray noise(pageSize, '\0');
            QRandomGenerator random(7);
            for (char& c : noise) {
                c = static_cast<char>(random.bounded(256));
            }
            noise[0] = 13; // still looks like a leaf table page
            QCOMPARE(file.write(noise), pageSize);
        }
        const Snapshot before = snapshot(ws);
        const Outcome o = cli({"run", m_scenario, "--save", "--workspace", ws});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(ws + ": the workspace file is damaged (PRAGMA quick_check: "),
                 qPrintable(o.err));
        QVERIFY2(o.out.isEmpty(), qPrintable(o.out));
        QVERIFY(!o.err.contains("Saved run"));
        QCOMPARE(snapshot(ws), before);
    }

    void aCopiedPresetEditedThroughExportAndImportPricesASavedRun() {
        QCOMPARE(
            cli({"pricing", "copy", "aws-lambda-x86", "team-lambda", "--workspace", m_ws}).exitCode,
            0);
        const QString file = m_dir.filePath("team.json");
        QCOMPARE(
            cli({"pricing", "export", "team-lambda", "--out", file, "--workspace", m_ws}).exitCode,
            0);
        auto catalog = nlohmann::ordered_json::parse(readAll(file).toStdString());
        catalog["presets"][0]["per_million_requests"] = 0.5;
        {
            QFile out(file);
            out.open(QIODevice::WriteOnly | QIODevice::Truncate);
            out.write(QByteArray::fromStdString(catalog.dump(2)));
        }
        const Outcome imported = cli({"pricing", "import", file, "--workspace", m_ws});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.contains("Imported 1 preset: team-lambda"));

        const Outcome list = cli({"pricing", "list", "--workspace", m_ws});
        QVERIFY2(list.out.contains("team-lambda") && list.out.contains("user"),
                 qPrintable(list.out));
        const Outcome show = cli({"pricing", "show", "team-lambda", "--workspace", m_ws});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains("0.5"), qPrintable(show.out));

        const QString team = scenarioFile("team-lambda");
        // Without the workspace the preset is unknown: a scenario error.
        const Outcome without = cli({"validate", team});
        QCOMPARE(without.exitCode, 2);
        const Outcome run = cli({"run", team, "--json", "--workspace", m_ws});
        QCOMPARE(run.exitCode, 0);
        const auto results = nlohmann::json::parse(run.out.toStdString());
        const auto& fn = results["architectures"][0];
        QCOMPARE(fn["pricing"]["preset"], "team-lambda");
        const double requests = fn["cost"]["breakdown"]["requests"].get<double>();
        const double served =
            fn["requests"]["completed"].get<double>() + fn["requests"]["timed_out"].get<double>();
        // Lambda bills every invocation: 0.5 USD per million (no free tier).
        QVERIFY2(qAbs(requests - served * 0.5e-6) < 1e-9,
                 qPrintable(QString::number(requests) + " vs " + QString::number(served)));
    }

    void badImportsAreUsageErrorsAndChangeNothing() {
        const QString file = m_dir.filePath("bad-catalog.json");
        {
            QFile out(file);
            out.open(QIODevice::WriteOnly);
            out.write(R"({"format": "faaslab.pricing-catalog/1", "presets": [
                {"format": "faaslab.pricing/1", "id": "broken", "kind": "vm"}]})");
        }
        const Outcome o = cli({"pricing", "import", file, "--workspace", m_ws});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("nothing was imported") && o.err.contains("presets[0] (broken)"),
                 qPrintable(o.err));
        QVERIFY(!cli({"pricing", "list", "--workspace", m_ws}).out.contains("broken"));
    }

    void aSweepIsSavedWithItsScenario() {
        const Outcome o =
            cli({"sweep", m_scenario, "--param", "workload.arrivals.rate_per_s", "--values", "2,8",
                 "--no-break-even", "--save", "--workspace", m_ws});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.err.contains("Saved sweep 1 (scenario 'cli small', revision 1)"),
                 qPrintable(o.err));
    }

    void theDefaultWorkspaceLivesInTheUserDataFolder() {
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", home.path());
        process.setProcessEnvironment(env);
        process.start(FAASLAB_CLI, {"run", m_scenario, "--save", "--quiet"});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(home.path() + "/FaaS Lab/workspace.sqlite"));
        process.start(FAASLAB_CLI, {"runs", "list"});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY(process.readAllStandardOutput().contains("cli small (r1)"));
    }
};

QTEST_GUILESS_MAIN(CliWorkspaceTest)
#include "tst_cli_workspace.moc"
