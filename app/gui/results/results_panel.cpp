#include "app/gui/results/results_panel.h"

#include <QTimer>

namespace faaslab::gui {

ResultsPanel::ResultsPanel(QWidget* parent)
    : QTabWidget(parent) {
    setDocumentMode(true);
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto* tab = qobject_cast<ResultsTab*>(widget(index)); tab && m_pending.contains(tab)) {
            deliver(tab);
        }
    });
}

void ResultsPanel::addResultsTab(ResultsTab* tab) {
    m_tabs.append(tab);
    tab->setScenarioRunnable(m_runnable);
    addTab(tab, tab->title());
}

void ResultsPanel::showResults(const ScenarioResults& results) {
    m_results = results;
    m_hasResults = true;
    m_pending = m_tabs;
    ++m_generation;
    if (auto* front = qobject_cast<ResultsTab*>(currentWidget()); front != nullptr) {
        deliver(front);
    }
    deliverNextLater();
}

void ResultsPanel::setScenarioRunnable(bool runnable) {
    if (runnable == m_runnable) {
        return;
    }
    m_runnable = runnable;
    for (ResultsTab* tab : m_tabs) {
        tab->setScenarioRunnable(runnable);
        if (!m_hasResults) {
            tab->clearResults(); // shows the placeholder again, with the new hint
        }
    }
}

void ResultsPanel::clearResults() {
    m_hasResults = false;
    m_pending.clear();
    ++m_generation;
    for (ResultsTab* tab : m_tabs) {
        tab->clearResults();
    }
}

void ResultsPanel::deliverPending() {
    while (!m_pending.isEmpty()) {
        deliver(m_pending.front());
    }
}

void ResultsPanel::deliver(ResultsTab* tab) {
    m_pending.removeAll(tab);
    tab->showResults(m_results);
}

void ResultsPanel::deliverNextLater() {
    // Tabs behind the front one are not seen yet: they wait a little, so the
    // front tab draws first and no two views are built in one pass.
    constexpr int PauseMs = 30;
    const int generation = m_generation;
    QTimer::singleShot(PauseMs, this, [this, generation] {
        if (generation != m_generation || m_pending.isEmpty()) {
            return;
        }
        deliver(m_pending.front());
        deliverNextLater();
    });
}

} // namespace faaslab::gui
