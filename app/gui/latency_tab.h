#pragma once

#include "results_tab.h"

namespace faaslab::gui {

// PLACEHOLDER: to be implemented (see the issue text); shows nothing yet.
class LatencyTab : public ResultsTab {
    Q_OBJECT

public:
    explicit LatencyTab(QWidget* parent = nullptr)
        : ResultsTab(parent) {}
    QString title() const override { return tr("Latency"); }
    void showResults(const ScenarioResults&) override {}
    void clearResults() override {}
};

} // namespace faaslab::gui
