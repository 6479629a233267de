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
    // The charts of this tab, for File > Export and the screenshot mode.
    virtual QList<QCustomPlot*> charts() const { return {}; }
};

} // namespace faaslab::gui
