#pragma once

#include "results_tab.h"

#include <QTabWidget>

namespace faaslab::gui {

// The results area: one tab per view of the last completed run (overview,
// time series, latency, cost) plus the sweep tab, which runs its own work.
class ResultsPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit ResultsPanel(QWidget* parent = nullptr);

    void addResultsTab(ResultsTab* tab);
    void showResults(const ScenarioResults& results);
    void clearResults();
    const QList<ResultsTab*>& resultsTabs() const { return m_tabs; }
    bool hasResults() const { return m_hasResults; }
    const ScenarioResults& results() const { return m_results; }

private:
    QList<ResultsTab*> m_tabs;
    ScenarioResults m_results;
    bool m_hasResults = false;
};

} // namespace faaslab::gui
