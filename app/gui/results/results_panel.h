#pragma once

#include "app/gui/results/results_tab.h"

#include <QTabWidget>

namespace faaslab::gui {

// The results area: one tab per view of the last completed run (overview,
// time series, latency, cost) plus the sweep tab, which runs its own work.
//
// New results reach the tab in front at once and the others one per pass of
// the event loop (or as soon as one is brought to the front), so that
// building every view never freezes the window in a single go.
class ResultsPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit ResultsPanel(QWidget* parent = nullptr);

    void addResultsTab(ResultsTab* tab);
    void showResults(const ScenarioResults& results);
    void clearResults();
    // Hands the results to every tab still waiting for them (before
    // exporting or grabbing all tabs).
    void deliverPending();
    const QList<ResultsTab*>& resultsTabs() const { return m_tabs; }
    bool hasResults() const { return m_hasResults; }
    // Whether Run is possible: the tabs' placeholders say how to get results.
    void setScenarioRunnable(bool runnable);
    const ScenarioResults& results() const { return m_results; }

private:
    void deliver(ResultsTab* tab);
    void deliverNextLater();

    QList<ResultsTab*> m_tabs;
    QList<ResultsTab*> m_pending;
    ScenarioResults m_results;
    bool m_hasResults = false;
    bool m_runnable = true;
    int m_generation = 0;
};

} // namespace faaslab::gui
