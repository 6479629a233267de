#include "results_panel.h"

namespace faaslab::gui {

ResultsPanel::ResultsPanel(QWidget* parent)
    : QTabWidget(parent) {
    setDocumentMode(true);
}

void ResultsPanel::addResultsTab(ResultsTab* tab) {
    m_tabs.append(tab);
    addTab(tab, tab->title());
}

void ResultsPanel::showResults(const ScenarioResults& results) {
    m_results = results;
    m_hasResults = true;
    for (ResultsTab* tab : m_tabs) {
        tab->showResults(results);
    }
}

void ResultsPanel::clearResults() {
    m_hasResults = false;
    for (ResultsTab* tab : m_tabs) {
        tab->clearResults();
    }
}

} // namespace faaslab::gui
