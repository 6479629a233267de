#pragma once

#include "app/gui/results/results_tab.h"
#include "models/report/comparison_table.h"

#include <QPair>

class QFrame;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace faaslab::gui {

// One card per architecture with exactly the rows of the command-line
// table (comparisonRows: requests and their outcomes, latency, instances,
// cost), its marks (cheapest, fastest, "not distinguishable at 95 %", not
// ranked) and, when it is not ranked, why. Above the cards, the table's
// verdict lines. Cards wrap into as many columns as fit the width, so none
// needs horizontal scrolling; long names and labels wrap, values never do.
class OverviewTab : public ResultsTab {
    Q_OBJECT

public:
    explicit OverviewTab(QWidget* parent = nullptr);

    QString title() const override { return tr("Overview"); }
    void showResults(const ScenarioResults& results) override;
    void clearResults() override;

    // The text shown in the first row about `metricKey` on card
    // `architecture` (tests).
    QString valueText(int architecture, const QString& metricKey) const;
    // The card's rows as (label, value), labels as the table writes them
    // ("  timed out") (tests).
    QList<QPair<QString, QString>> cardRows(int architecture) const;
    // The marks joined by ", ": "cheapest, fastest", "not ranked", ... (tests).
    QString badgeText(int architecture) const;
    // Why the architecture is not ranked, "" when it is (tests).
    QString notRankedText(int architecture) const;
    QString summaryText() const;
    QList<QFrame*> cards() const { return m_cards; }
    int columnCount() const { return m_columns; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QFrame* makeCard(const ScenarioResults& results, const std::vector<ComparisonRow>& rows,
                     int index);
    // Places the cards in as many columns as fit the visible width.
    void layoutCards();

    QScrollArea* m_scroll;
    QGridLayout* m_grid;
    QLabel* m_summary;
    QList<QFrame*> m_cards;
    int m_columns = 0;
};

} // namespace faaslab::gui
