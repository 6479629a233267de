// faaslab-cli timeline: the records of one architecture in a window, as CSV
// or JSON (docs/results-format.md, "Timelines"), and a clear message with
// exit status 2 for every argument a user can get wrong.

#include "tests/support/process_run.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

namespace {

using Outcome = faaslab::test::ProcessOutcome;

Outcome cli(const QStringList& arguments) {
    return faaslab::test::runProgram(FAASLAB_CLI, arguments, 60000);
}

QString example(const QString& name) {
    return QStringLiteral(FAASLAB_SOURCE_DIR) + "/resources/scenarios/" + name + ".json";
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

} // namespace

class CliTimelineTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void helpNamesTheCommand() {
        QVERIFY(cli({"--help"}).out.contains("timeline SCENARIO.json"));
        const Outcome help = cli({"timeline", "--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char* option :
             {"--arch", "--from", "--to", "--replication", "--limit", "--out"}) {
            QVERIFY2(help.out.contains(option), option);
        }
    }

    // The same window as CSV and as JSON: the same records, in the same
    // order, and the CSV's comment lines name the architecture and window.
    void writesCsvAndJsonWithTheSameRecords() {
        const QString csvPath = m_dir.filePath("t.csv");
        const QString jsonPath = m_dir.filePath("t.json");
        const QStringList common = {
            "timeline", example("spiky-low-traffic"), "--arch", "Lambda", "--from", "0", "--to",
            "1800"};
        const Outcome csv = cli(common + QStringList{"--out", csvPath});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        QVERIFY2(csv.err.contains("records of 'Lambda' (0 s to 1800 s)"), qPrintable(csv.err));
        const Outcome json = cli(common + QStringList{"--out", jsonPath});
        QCOMPARE(json.exitCode, 0);

        const QList<QByteArray> lines = readAll(csvPath).split('\n');
        QCOMPARE(lines[0], QByteArray("# architecture: Lambda (serverless)"));
        QCOMPARE(lines[1], QByteArray("# replication: 1"));
        QCOMPARE(lines[2], QByteArray("# window: 0 s to 1800 s, at most 200000 records"));
        QCOMPARE(lines[3],
                 QByteArray("record,time_s,start_s,end_s,instance,request,detail,cold_start"));
        const auto doc = nlohmann::json::parse(readAll(jsonPath).toStdString());
        QCOMPARE(doc["format"].get<std::string>(), std::string("faaslab.timeline/1"));
        QCOMPARE(doc["window"]["to_s"].get<double>(), 1800.0);
        QCOMPARE(doc["truncated"].get<bool>(), false);
        const auto& records = doc["records"];
        QVERIFY(records.size() > 100);
        QCOMPARE(static_cast<qsizetype>(records.size()), lines.size() - 5); // 4 + final newline
        int cold = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const QList<QByteArray> fields = lines[static_cast<qsizetype>(i) + 4].split(',');
            QCOMPARE(fields.size(), 8);
            QCOMPARE(fields[0].toStdString(), records[i]["record"].get<std::string>());
            QCOMPARE(fields[1].toDouble(), records[i]["time_s"].get<double>());
            if (records[i]["record"] == "request") {
                QCOMPARE(fields[3].toDouble(), records[i]["end_s"].get<double>());
                QCOMPARE(fields[6].toStdString(), records[i]["outcome"].get<std::string>());
                cold += records[i]["cold_start"].get<bool>() ? 1 : 0;
            }
        }
        QVERIFY(cold > 0);
    }

    // A VM fleet: requests start when a core is free, so a queued one has
    // start_s after time_s.
    void recordsAVmFleet() {
        const QString path = m_dir.filePath("vm.json");
        const Outcome o = cli({"timeline", example("spiky-low-traffic"), "--arch", "EC2 t3.medium",
                               "--from", "0", "--to", "3600", "--out", path});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        const auto doc = nlohmann::json::parse(readAll(path).toStdString());
        QCOMPARE(doc["type"].get<std::string>(), std::string("vm"));
        int requests = 0;
        for (const auto& r : doc["records"]) {
            if (r["record"] == "request") {
                ++requests;
                QVERIFY(r["start_s"].get<double>() >= r["time_s"].get<double>());
            }
        }
        QVERIFY(requests > 100);
    }

    void refusesBadArgumentsWithAClearMessage_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString s = example("spiky-low-traffic");
        const QString out = m_dir.filePath("bad.csv");
        QTest::newRow("no arch") << QStringList{"timeline", s, "--out", out}
                                 << "--arch NAME is required";
        QTest::newRow("no out") << QStringList{"timeline", s, "--arch", "Lambda"}
                                << "--out FILE.csv or FILE.json is required";
        QTest::newRow("unknown arch")
            << QStringList{"timeline", s, "--arch", "lambda", "--out", out}
            << "no architecture named 'lambda'; did you mean 'Lambda'?";
        QTest::newRow("not recorded")
            << QStringList{"timeline", example("image-pipeline"), "--arch", "Lambda", "--out", out}
            << "timelines of applications (scenario format 2) are not recorded by this version";
        QTest::newRow("from after to")
            << QStringList{"timeline", s,      "--arch", "Lambda", "--from",
                           "600",      "--to", "60",     "--out",  out}
            << "--to: 60 s must be later than --from (600 s)";
        QTest::newRow("outside the run")
            << QStringList{"timeline", s, "--arch", "Lambda", "--from", "1e9", "--out", out}
            << "--from: 1000000000 s is outside the run";
        QTest::newRow("past the end")
            << QStringList{"timeline", s, "--arch", "Lambda", "--to", "1e9", "--out", out}
            << "is after the end of the run";
        QTest::newRow("replication")
            << QStringList{"timeline", s, "--arch", "Lambda", "--replication", "2", "--out", out}
            << "--replication: must be 1 to 1";
        QTest::newRow("limit") << QStringList{"timeline", s,   "--arch", "Lambda",
                                              "--limit",  "0", "--out",  out}
                               << "--limit: must be 1 to 100000000 records";
        QTest::newRow("extension")
            << QStringList{"timeline", s, "--arch", "Lambda", "--out", m_dir.filePath("t.txt")}
            << "must end in .csv or .json";
        QTest::newRow("not a number")
            << QStringList{"timeline", s, "--arch", "Lambda", "--from", "soon", "--out", out}
            << "--from: expected a number, got 'soon'";
    }
    void refusesBadArgumentsWithAClearMessage() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome o = cli(arguments);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
        QVERIFY(!QFile::exists(m_dir.filePath("bad.csv")));
    }

    // An unwritable path: nothing is written, exit 1 with the reason.
    void anUnwritablePathLeavesNothingBehind() {
        const QString path = m_dir.filePath("missing/t.csv");
        const Outcome o =
            cli({"timeline", example("spiky-low-traffic"), "--arch", "Lambda", "--out", path});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains("cannot write"), qPrintable(o.err));
        QVERIFY(!QFile::exists(path));
    }

    void aSmallLimitTruncatesAndSaysWhen() {
        const QString path = m_dir.filePath("few.json");
        const Outcome o = cli({"timeline", example("spiky-low-traffic"), "--arch", "Lambda",
                               "--limit", "10", "--out", path});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.err.contains("stopped recording at the limit of 10 records"), qPrintable(o.err));
        const auto doc = nlohmann::json::parse(readAll(path).toStdString());
        QCOMPARE(doc["records"].size(), std::size_t{10});
        QVERIFY(doc["truncated"].get<bool>());
        QVERIFY(doc.contains("truncated_at_s"));
    }
};

QTEST_APPLESS_MAIN(CliTimelineTest)
#include "tst_cli_timeline.moc"
