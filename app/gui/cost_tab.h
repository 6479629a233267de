#pragma once

#include "results_tab.h"

namespace faaslab::gui {

// PLACEHOLDER: to be implemented (see the issue text); shows nothing yet.
class CostTab : public ResultsTab {
    Q_OBJECT

public:
    explicit CostTab(QWidget* parent = nullptr)
        : ResultsTab(parent) {}
    QString title() const override { return tr("Cost"); }
    void showResults(const ScenarioResults&) override {}
    void clearResults() override {}
};

} // namespace faaslab::gui
