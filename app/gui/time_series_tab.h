#pragma once

#include "results_tab.h"

namespace faaslab::gui {

// PLACEHOLDER: to be implemented (see the issue text); shows nothing yet.
class TimeSeriesTab : public ResultsTab {
    Q_OBJECT

public:
    explicit TimeSeriesTab(QWidget* parent = nullptr)
        : ResultsTab(parent) {}
    QString title() const override { return tr("Time series"); }
    void showResults(const ScenarioResults&) override {}
    void clearResults() override {}
};

} // namespace faaslab::gui
