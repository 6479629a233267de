// Dotted paths, the one notation of messages, --param and the editor, and
// their conversion from the JSON pointers the document is edited through.

#include "models/format/json_path.h"

#include <QtTest>

using namespace faaslab;

namespace {

std::string joined(const std::vector<JsonPathStep>& steps) {
    std::string out;
    for (const JsonPathStep& s : steps) {
        out += s.index ? "[" + s.token + "]" : "<" + s.token + ">";
    }
    return out;
}

} // namespace

class JsonPathTest : public QObject {
    Q_OBJECT

private slots:
    void buildsMemberAndIndexPaths() {
        QCOMPARE(memberPath("", "workload"), std::string("workload"));
        QCOMPARE(memberPath("workload", "memory_mb"), std::string("workload.memory_mb"));
        QCOMPARE(indexPath("architectures", 2), std::string("architectures[2]"));
        QCOMPARE(memberPath(indexPath("architectures", 0), "keep_alive_s"),
                 std::string("architectures[0].keep_alive_s"));
    }

    void convertsPointersToDottedPaths() {
        QCOMPARE(dottedPathFromPointer("/architectures/0/keep_alive_s"),
                 std::string("architectures[0].keep_alive_s"));
        QCOMPARE(dottedPathFromPointer("/application/functions/12/service_time_s/samples/3"),
                 std::string("application.functions[12].service_time_s.samples[3]"));
        QCOMPARE(dottedPathFromPointer("/simulation"), std::string("simulation"));
        QCOMPARE(dottedPathFromPointer(""), std::string());
    }

    // Every path the reader and the pointer conversion write splits back
    // into the same steps.
    void splitsDottedPathsIntoSteps() {
        std::string problem;
        const auto steps = splitDottedPath("architectures[1].autoscaler.interval_s", problem);
        QVERIFY(steps.has_value());
        QCOMPARE(joined(*steps), std::string("<architectures>[1]<autoscaler><interval_s>"));
        const auto nested = splitDottedPath("a[0][2].b", problem);
        QVERIFY(nested.has_value());
        QCOMPARE(joined(*nested), std::string("<a>[0][2]<b>"));
        const std::string path = dottedPathFromPointer("/application/edges/3/copies/max");
        QCOMPARE(joined(*splitDottedPath(path, problem)),
                 std::string("<application><edges>[3]<copies><max>"));
        QVERIFY(splitDottedPath("", problem)->empty());
    }

    void refusesMalformedPathsSayingWhy() {
        std::string problem;
        QVERIFY(!splitDottedPath("architectures[1.keep_alive_s", problem));
        QCOMPARE(problem, std::string("unbalanced '[' in \"architectures[1.keep_alive_s\""));
        QVERIFY(!splitDottedPath("workload..memory_mb", problem));
        QCOMPARE(problem, std::string("empty step in \"workload..memory_mb\""));
        QVERIFY(!splitDottedPath("architectures[]", problem));
        QCOMPARE(problem, std::string("empty step in \"architectures[]\""));
    }
};

QTEST_APPLESS_MAIN(JsonPathTest)
#include "tst_json_path.moc"
