#pragma once

#include "results_tab.h"

namespace faaslab::gui {

class ScenarioDocument;

// PLACEHOLDER: to be implemented (see the issue text); shows nothing yet.
class SweepTab : public ResultsTab {
    Q_OBJECT

public:
    explicit SweepTab(ScenarioDocument* document, QWidget* parent = nullptr)
        : ResultsTab(parent)
        , m_document(document) {}
    QString title() const override { return tr("Sweep"); }
    void showResults(const ScenarioResults&) override {}
    void clearResults() override {}

private:
    ScenarioDocument* m_document;
};

} // namespace faaslab::gui
