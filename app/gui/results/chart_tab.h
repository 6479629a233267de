#pragma once

#include "app/gui/results/results_tab.h"

#include <optional>

namespace faaslab::gui {

// A results tab drawn as charts. It keeps the results it shows, so that a
// new palette (restyle()) can draw them again in the new colours, or its
// placeholder when there are none.
class ChartTab : public ResultsTab {
    Q_OBJECT

public:
    using ResultsTab::ResultsTab;

protected:
    // The chart colours, fonts and pens of the current palette.
    virtual void applyStyle() = 0;
    // Draws m_results (set) again.
    virtual void redraw() = 0;
    void restyle() final;

    std::optional<ScenarioResults> m_results;
};

} // namespace faaslab::gui
