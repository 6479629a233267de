#include "app/gui/results/chart_tab.h"

namespace faaslab::gui {

void ChartTab::restyle() {
    applyStyle();
    if (m_results) {
        redraw();
    } else {
        clearResults();
    }
}

} // namespace faaslab::gui
