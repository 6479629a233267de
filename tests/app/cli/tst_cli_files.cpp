// faaslab-cli and the files it is given or asked to write, when they are not
// what they seem: a full disk, a device, a FIFO, a symbolic link loop, a
// standard output that cannot take the output.

#include "tests/support/process_run.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

using Outcome = faaslab::test::ProcessOutcome;
using faaslab::test::ProcessSetup;

Outcome cli(const QStringList& arguments, const ProcessSetup& setup = {}) {
    return faaslab::test::runProgram(FAASLAB_CLI, arguments, 60000, setup);
}

QString example(const QString& name = "serverless-api") {
    return QStringLiteral(FAASLAB_SOURCE_DIR) + "/resources/scenarios/" + name + ".json";
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& contents) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(contents), contents.size());
}

mode_t fileType(const QString& path) {
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0) {
        return 0;
    }
    return status.st_mode & S_IFMT;
}

// The child may write files of at most `bytes` bytes (ulimit -f), as on a
// nearly full disk: the write that crosses the limit is cut short and the
// next one fails with EFBIG. SIGXFSZ is left at its default, which kills the
// program unless it ignores the signal itself.
ProcessSetup fileSizeLimit(rlim_t bytes) {
    ProcessSetup setup;
    setup.childModifier = [bytes] {
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    };
    return setup;
}

} // namespace

class CliFilesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    // Every output option goes through one writer that checks each write:
    // on a full disk the previous file stays and the command exits 1.
    void aShortWriteKeepsThePreviousFileAndFails_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("fullArguments"); // the same output, without the limit
        const QString sweep = "workload.arrivals.rate_per_s";
        QTest::newRow("run --out") << QStringList{"run", example(), "--quiet", "--out", "OUT"}
                                   << QStringList{"run", example(), "--json"};
        QTest::newRow("run --csv")
            << QStringList{"run", example(), "--quiet", "--csv", "OUT"} << QStringList{};
        QTest::newRow("run --timeseries")
            << QStringList{"run", example(), "--quiet", "--timeseries", "OUT"} << QStringList{};
        QTest::newRow("sweep --out")
            << QStringList{"sweep", example(), "--param", sweep, "--values",
                           "2,8",   "--quiet", "--out",   "OUT", "--no-break-even"}
            << QStringList{};
        QTest::newRow("sweep --csv")
            << QStringList{"sweep", example(), "--param", sweep, "--values",
                           "2,8",   "--quiet", "--csv",   "OUT", "--no-break-even"}
            << QStringList{};
        QTest::newRow("pricing export --out")
            << QStringList{"pricing", "export", "--out", "OUT", "--workspace", "WS"}
            << QStringList{"pricing", "export", "--workspace", "WS"};
        QTest::newRow("runs export --out")
            << QStringList{"runs", "export", "1", "--json", "--out", "OUT", "--workspace", "WS"}
            << QStringList{"runs", "export", "1", "--json", "--workspace", "WS"};
    }
    void aShortWriteKeepsThePreviousFileAndFails() {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, fullArguments);
        QTemporaryDir dir;
        const QString out = dir.filePath("results.out");
        const QString ws = dir.filePath("ws.sqlite");
        const QByteArray previous = "the previous, good results\n";
        writeFile(out, previous);
        if (arguments.contains("WS")) {
            // A workspace with one run, written without a limit.
            const Outcome saved = cli({"run", example(), "--quiet", "--save", "--workspace", ws});
            QCOMPARE(saved.exitCode, 0);
        }
        arguments.replaceInStrings(QRegularExpression("^OUT$"), out);
        arguments.replaceInStrings(QRegularExpression("^WS$"), ws);
        fullArguments.replaceInStrings(QRegularExpression("^WS$"), ws);
        constexpr rlim_t Limit = 512;
        if (!fullArguments.isEmpty()) {
            QVERIFY(cli(fullArguments).out.toUtf8().size() > qsizetype(Limit));
        }

        const Outcome o = cli(arguments, fileSizeLimit(Limit));
        QCOMPARE(o.exitCode, 1); // not killed by SIGXFSZ, not 0
        QVERIFY2(o.err.contains(out + ": cannot write: "), qPrintable(o.err));
        QVERIFY2(o.err.contains(QStringLiteral("(after %1 of ").arg(Limit)), qPrintable(o.err));
        QVERIFY2(o.err.contains("the previous file was left as it was"), qPrintable(o.err));
        QCOMPARE(readAll(out), previous);
        // No temporary file is left beside it. (Under a 512-byte limit
        // SQLite cannot grow a -shm file to 32 KiB, so a workspace read
        // falls back to a read-only connection, which leaves -wal and -shm.)
        QStringList left = QDir(dir.path()).entryList(QDir::Files);
        for (const char* name : {"results.out", "ws.sqlite", "ws.sqlite-wal", "ws.sqlite-shm"}) {
            left.removeAll(name);
        }
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
    }

    void writesToADeviceInPlace() {
        // A character device of our own (like /dev/null) when root may
        // create one; otherwise /dev/null itself, which a non-root process
        // could not replace anyway.
        QString device = "/dev/null";
        if (::geteuid() == 0) {
            device = m_dir.filePath("null-device");
            if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) !=
                0) {
                QSKIP("cannot create a character device here");
            }
            QFile probe(device);
            if (!probe.open(QIODevice::WriteOnly)) {
                QSKIP("device files cannot be opened here");
            }
        }
        for (const char* option : {"--out", "--csv", "--timeseries"}) {
            const Outcome o = cli({"run", example(), "--quiet", option, device});
            QCOMPARE(o.exitCode, 0);
            QVERIFY2(o.err.isEmpty(), qPrintable(o.err));
            QCOMPARE(fileType(device), mode_t(S_IFCHR));
        }
    }

    void writesToAFifoInPlace() {
        const QString fifo = m_dir.filePath("results.fifo");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString csv = m_dir.filePath("results.csv");
        QCOMPARE(cli({"run", example(), "--quiet", "--csv", csv}).exitCode, 0);

        QProcess reader;
        reader.start("cat", {fifo});
        QVERIFY(reader.waitForStarted());
        const Outcome o = cli({"run", example(), "--quiet", "--csv", fifo});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.err.isEmpty(), qPrintable(o.err));
        if (!reader.waitForFinished(10000)) {
            reader.kill();
            reader.waitForFinished();
            QFAIL("the reader of the FIFO got no end of file");
        }
        QCOMPARE(reader.readAllStandardOutput(), readAll(csv));
        QCOMPARE(fileType(fifo), mode_t(S_IFIFO));
    }

    void refusesAFolderAsOutput() {
        const Outcome o = cli({"run", example(), "--quiet", "--out", m_dir.path()});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(m_dir.path() + ": cannot write: it is a folder"),
                 qPrintable(o.err));
    }

    // A FIFO as the scenario or as a trace would block open() forever.
    void aFifoScenarioOrTraceIsRefusedAtOnce() {
        const QString fifo = m_dir.filePath("scenario.fifo");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer clock;
        clock.start();
        for (const char* command : {"validate", "run"}) {
            const Outcome o = cli({command, fifo});
            QCOMPARE(o.exitCode, 2);
            QVERIFY2(o.err.contains(fifo + ": is a FIFO (named pipe), not a regular file"),
                     qPrintable(o.err));
        }

        const QString trace = m_dir.filePath("trace.fifo");
        QCOMPARE(::mkfifo(QFile::encodeName(trace).constData(), 0600), 0);
        const QString scenario = m_dir.filePath("fifo-trace.json");
        writeFile(scenario, R"({ "format": "faaslab.scenario/1", "name": "t",
  "simulation": { "duration_s": 600, "seed": 1 },
  "workload": { "arrivals": { "process": "trace", "file": "trace.fifo" },
                "service_time_s": { "dist": "exponential", "mean": 0.2 }, "memory_mb": 512 },
  "architectures": [ { "name": "L", "type": "serverless",
      "cold_start_s": { "dist": "exponential", "mean": 0.5 }, "pricing": "aws-lambda-x86" } ] })");
        const Outcome o = cli({"validate", scenario});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("cannot open trace file \"trace.fifo\"") &&
                     o.err.contains("is a FIFO (named pipe), not a regular file"),
                 qPrintable(o.err));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void aSymbolicLinkLoopIsReportedAsOne() {
        const QString a = m_dir.filePath("loop-a");
        const QString b = m_dir.filePath("loop-b");
        QVERIFY(QFile::link(b, a));
        QVERIFY(QFile::link(a, b));
        Outcome o = cli({"validate", a});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(a + ": is in a symbolic link loop"), qPrintable(o.err));
        QVERIFY2(!o.err.contains("no such file"), qPrintable(o.err));
        o = cli({"run", example(), "--quiet", "--out", a});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(a + ": cannot write: it is in a symbolic link loop"),
                 qPrintable(o.err));
        o = cli({"runs", "list", "--workspace", a});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(a + ": is in a symbolic link loop"), qPrintable(o.err));
    }

    // A full device on standard output: the output is lost, so is success.
    void aWriteErrorOnStandardOutputFails_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("run") << QStringList{"run", example(), "--quiet"};
        QTest::newRow("run --json") << QStringList{"run", example(), "--quiet", "--json"};
        QTest::newRow("validate") << QStringList{"validate", example()};
        QTest::newRow("--help") << QStringList{"--help"};
    }
    void aWriteErrorOnStandardOutputFails() {
        QFETCH(QStringList, arguments);
        if (!QFile::exists("/dev/full")) {
            QSKIP("no /dev/full");
        }
        ProcessSetup setup;
        setup.standardOutputFile = "/dev/full";
        const Outcome o = cli(arguments, setup);
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains("faaslab-cli: cannot write to standard output: No space left on "
                                "device"),
                 qPrintable(o.err));
    }
};

QTEST_GUILESS_MAIN(CliFilesTest)
#include "tst_cli_files.moc"
