// Opening input files: only regular files are opened, so a FIFO, a device
// or a symbolic link loop given as a scenario or a trace is refused at once
// with the reason, instead of blocking in open() or being "no such file".

#include "models/io/regular_file.h"
#include "models/scenario/scenario_reader.h"
#include "models/workload/trace_profiler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace faaslab;

namespace {

std::string native(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

bool contains(const std::optional<std::string>& text, const char* part) {
    return text && text->find(part) != std::string::npos;
}

} // namespace

class RegularFileTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_fifo;

private slots:
    void initTestCase() {
        m_fifo = m_dir.filePath("pipe");
        QCOMPARE(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);
    }

    void opensARegularFileDirectlyOrThroughALink() {
        const QString path = m_dir.filePath("a.csv");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("1\n2\n");
        }
        QVERIFY(QFile::link(path, m_dir.filePath("link.csv")));
        for (const QString& name : {path, m_dir.filePath("link.csv")}) {
            std::ifstream in;
            QCOMPARE(openRegularFile(native(name), in), std::nullopt);
            std::string line;
            QVERIFY(std::getline(in, line));
            QCOMPARE(line, std::string("1"));
        }
    }

    void namesWhatIsNotARegularFile() {
        std::ifstream in;
        QVERIFY(contains(openRegularFile(native(m_fifo), in), "is a FIFO (named pipe)"));
        QVERIFY(!in.is_open());
        QVERIFY(contains(regularFileProblem("/dev/null"), "is a device, not a regular file"));
        QVERIFY(contains(regularFileProblem(native(m_dir.path())), "is a directory"));
        QCOMPARE(regularFileProblem(native(m_dir.filePath("missing"))),
                 std::optional<std::string>("no such file"));
        QVERIFY(contains(regularFileProblem(""), "no file name"));
    }

    void aSymbolicLinkLoopIsNotAMissingFile() {
        const QString a = m_dir.filePath("loop-a");
        const QString b = m_dir.filePath("loop-b");
        QVERIFY(QFile::link(b, a));
        QVERIFY(QFile::link(a, b));
        QVERIFY(contains(regularFileProblem(native(a)), "symbolic link loop"));
    }

    void aFifoScenarioOrTraceIsRefusedWithoutBlocking() {
        QElapsedTimer clock;
        clock.start();
        const ScenarioReadResult scenario = ScenarioReader().readFile(native(m_fifo));
        QVERIFY(!scenario.ok());
        QVERIFY2(scenario.diagnostics.items().front().message.find("is a FIFO") !=
                     std::string::npos,
                 scenario.diagnostics.items().front().message.c_str());

        for (const auto format :
             {TraceReplaySpec::Format::Timestamps, TraceReplaySpec::Format::Azure}) {
            TraceReplaySpec spec;
            spec.format = format;
            spec.file = "pipe";
            spec.resolvedPath = native(m_fifo);
            const auto problem = TraceProfiler::profile(spec);
            QVERIFY(problem);
            QVERIFY2(problem->message.find("cannot open trace file \"pipe\"") !=
                             std::string::npos &&
                         problem->message.find("is a FIFO") != std::string::npos,
                     problem->message.c_str());
        }
        QVERIFY(clock.elapsed() < 5000);
    }
};

QTEST_APPLESS_MAIN(RegularFileTest)
#include "tst_regular_file.moc"
