#include "tests/support/broken_rules.h"

#include <QString>
#include <QTest>

namespace faaslab::test {

void addBrokenRuleColumns() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
}

void addBrokenRule(const char* name, const std::string& pointer, const std::string& value,
                   const char* path, const char* reason) {
    QTest::newRow(name) << QString::fromStdString(pointer) << QString::fromStdString(value)
                        << QString(path) << QString(reason);
}

std::string brokenRuleMismatch(const ScenarioReadResult& result, const std::string& path,
                               const std::string& reason) {
    if (result.scenario.has_value()) {
        return "an invalid scenario was returned";
    }
    const Diagnostic* d = result.diagnostics.find(path);
    if (d == nullptr) {
        return "no diagnostic at " + path + "; got:\n" + result.diagnostics.format("s");
    }
    if (d->message.find(reason) == std::string::npos) {
        return "the message at " + path + " lacks \"" + reason + "\": " + d->message;
    }
    if (d->line <= 0) {
        return "the diagnostic at " + path + " points at no line";
    }
    return {};
}

} // namespace faaslab::test
