#pragma once

#include "models/results/scenario_results.h"

#include <QList>
#include <QWidget>

class QCustomPlot;

namespace faaslab::gui {

// A tab of the results panel. The panel gives every tab the results of the
// last completed run; a tab only displays them (all numbers come from the
// model library, nothing is recomputed here).
class ResultsTab : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual void showResults(const ScenarioResults& results) = 0;
    virtual void clearResults() = 0;
    // False when the last results have nothing for this tab (the Functions
    // tab after a one-function run); the screenshot mode skips such tabs.
    virtual bool showsResults() const { return true; }
    // The charts of this tab, for File > Export and the screenshot mode.
    virtual QList<QCustomPlot*> charts() const { return {}; }
    // Whether the scenario can be run now; the placeholder shown before any
    // results says how to get them (the panel calls clearResults() again
    // when this changes and there are no results).
    void setScenarioRunnable(bool runnable) { m_runnable = runnable; }

protected:
    // The first sentence of a placeholder: press Run, or fix the problems
    // first while Run is disabled.
    QString runHint() const;
    // Chart colours are baked into the chart items, so a new palette (a
    // switch to a dark theme) needs them made again. Called once per burst of
    // palette changes, queued, because the charts themselves only learn the
    // new palette after their tab does.
    virtual void restyle() {}
    void changeEvent(QEvent* event) override;

private:
    bool m_restylePending = false;
    bool m_runnable = true;
};

} // namespace faaslab::gui
