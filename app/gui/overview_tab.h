#pragma once

#include "results_tab.h"

class QGridLayout;
class QLabel;

namespace faaslab::gui {

// One card per architecture: cost (window and 30 days), cost per million
// requests, latency p50 / p95 / p99, cold starts, rejections and mean
// instances, with the cheapest (30-day cost) and the fastest (p99) marked.
// Values are formatted by the same functions as the command-line table.
class OverviewTab : public ResultsTab {
    Q_OBJECT

public:
    explicit OverviewTab(QWidget* parent = nullptr);

    QString title() const override { return tr("Overview"); }
    void showResults(const ScenarioResults& results) override;
    void clearResults() override;

    // The text shown for `metricKey` on card `architecture` (tests).
    QString valueText(int architecture, const QString& metricKey) const;
    // "cheapest", "fastest", "cheapest, fastest" or "" (tests).
    QString badgeText(int architecture) const;

private:
    QWidget* makeCard(const ArchitectureResults& a, int index, bool cheapest, bool fastest,
                      const QString& windowLabel);

    QGridLayout* m_grid;
    QLabel* m_summary;
    QList<QWidget*> m_cards;
};

} // namespace faaslab::gui
