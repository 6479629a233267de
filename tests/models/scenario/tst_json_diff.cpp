// What changed between two scenario documents, as Library ▸ Compare runs
// lists it: one line per setting, in the reader's path notation.

#include "models/scenario/json_diff.h"

#include <QtTest>

using namespace faaslab;
using Json = nlohmann::ordered_json;

namespace {

std::string describe(const std::vector<JsonChange>& changes) {
    std::string out;
    for (const JsonChange& c : changes) {
        out += c.path + ": " + jsonChangeText(c.before) + " -> " + jsonChangeText(c.after) + "\n";
    }
    return out;
}

} // namespace

class JsonDiffTest : public QObject {
    Q_OBJECT

private slots:
    void listsEachChangedSettingByItsPath() {
        const Json before = Json::parse(R"({"name": "api", "simulation": {"seed": 1},
            "architectures": [{"name": "Lambda", "keep_alive_s": 600, "pricing": "aws-lambda-x86"},
                              {"name": "VM", "instances": 2}]})");
        Json after = before;
        after["architectures"][0]["keep_alive_s"] = 5;
        after["architectures"][0]["pricing"] = "azure-functions-consumption";
        after["architectures"][1].erase("instances");
        after["simulation"]["replications"] = 3;
        QCOMPARE(describe(jsonDifferences(before, after)),
                 std::string("simulation.replications: (not set) -> 3\n"
                             "architectures[0].keep_alive_s: 600 -> 5\n"
                             "architectures[0].pricing: \"aws-lambda-x86\" -> "
                             "\"azure-functions-consumption\"\n"
                             "architectures[1].instances: 2 -> (not set)\n"));
    }

    void equalDocumentsHaveNoChanges() {
        const Json document = Json::parse(R"({"a": [1, 2, {"b": 0.1}], "c": "x"})");
        QVERIFY(jsonDifferences(document, document).empty());
        // A whole number written either way is the same setting.
        QVERIFY(
            jsonDifferences(Json::parse(R"({"d": 600})"), Json::parse(R"({"d": 600.0})")).empty());
    }

    void addedItemsAndChangedTypesAreOneChangeEach() {
        const Json before = Json::parse(R"({"architectures": [{"name": "A"}],
                                            "cold_start_s": 0.5})");
        const Json after = Json::parse(R"({"architectures": [{"name": "A"}, {"name": "B"}],
                                           "cold_start_s": {"dist": "exponential", "mean": 0.5}})");
        QCOMPARE(describe(jsonDifferences(before, after)),
                 std::string("architectures[1]: (not set) -> {\"name\":\"B\"}\n"
                             "cold_start_s: 0.5 -> {\"dist\":\"exponential\",\"mean\":0.5}\n"));
    }

    void numbersShowAsTheirShortestText() {
        QCOMPARE(jsonChangeText(Json(0.1 + 0.2)), std::string("0.30000000000000004"));
        QCOMPARE(jsonChangeText(Json(0.9)), std::string("0.9"));
        QCOMPARE(jsonChangeText(Json(86400)), std::string("86400"));
        QCOMPARE(jsonChangeText(std::nullopt), std::string("(not set)"));
    }
};

QTEST_APPLESS_MAIN(JsonDiffTest)
#include "tst_json_diff.moc"
