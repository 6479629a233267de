#pragma once

#include "app/gui/results/results_tab.h"

class QLabel;
class QTableView;
class QVBoxLayout;

namespace faaslab::gui {

class PartTableModel;

// The results of an application part by part: requests by trigger with
// their end-to-end latency, then each function's invocations, cold starts,
// throttles, timeouts, retries, latency, instances and cost, then the
// queues, one row per architecture. The tables are those the command line
// prints (applicationTables), so both front ends show the same numbers.
class FunctionsTab : public ResultsTab {
    Q_OBJECT

public:
    explicit FunctionsTab(QWidget* parent = nullptr);

    QString title() const override { return tr("Functions"); }
    void showResults(const ScenarioResults& results) override;
    void clearResults() override;
    bool showsResults() const override { return !m_views.isEmpty(); }

    // The tables shown, in order (triggers, functions, queues).
    const QList<QTableView*>& tables() const { return m_views; }
    // The table titled `title` ("Functions"), or nullptr.
    QTableView* table(const QString& title) const;

private:
    QVBoxLayout* m_tablesLayout;
    QLabel* m_summary;
    QList<QWidget*> m_shown;
    QList<QTableView*> m_views;
};

} // namespace faaslab::gui
