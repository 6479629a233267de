#pragma once

#include "app/gui/results/chart_tab.h"

#include <QSharedPointer>
#include <QStringList>
#include <optional>

class QCPAxisTickerText;
class QCPTextElement;
class QComboBox;

namespace faaslab::gui {

// What each architecture costs, as one stacked bar per architecture split
// into its billing components (requests, compute, vCPU, memory, instances
// ...), with the total above each bar. Shows the 30-day projection by
// default, or the cost of the simulated window.
class CostTab : public ChartTab {
    Q_OBJECT

public:
    enum Period { Monthly, Window };

    explicit CostTab(QWidget* parent = nullptr);

    QString title() const override { return tr("Cost"); }
    void showResults(const ScenarioResults& results) override;
    void clearResults() override;
    QList<QCustomPlot*> charts() const override { return {m_plot}; }

    QCustomPlot* chart() const { return m_plot; }
    Period period() const;
    void setPeriod(Period period);
    // Billing components in stacking order (bottom first), as result keys
    // ("compute", "cpu" ...).
    QStringList components() const { return m_components; }
    // The sentence the mouse shows over a bar segment at `position` (widget
    // pixels), "" elsewhere.
    QString segmentTextAt(const QPoint& position) const;
    // The label under architecture `architecture`'s bar: its name wrapped
    // to the bar's slot (or its number, see keyText), and its type.
    QString tickText(int architecture) const;
    // "1: name" per architecture when the bars are numbered because the
    // names do not fit under them, "" otherwise.
    QString keyText() const;

    // A fixed colour and a readable name per billing component, the same in
    // every scenario.
    static QColor componentColor(const QString& component);
    static QString componentLabel(const QString& component);

protected:
    void applyStyle() override;
    void redraw() override;

private:
    void build();
    void updateTickNames();

    QComboBox* m_period;
    QCustomPlot* m_plot;
    QCPTextElement* m_title = nullptr;
    QCPTextElement* m_key = nullptr;
    QStringList m_components;
    QSharedPointer<QCPAxisTickerText> m_names;
};

} // namespace faaslab::gui
