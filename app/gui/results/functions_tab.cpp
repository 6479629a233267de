#include "app/gui/results/functions_tab.h"

#include "app/gui/results/part_table_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace faaslab::gui {

FunctionsTab::FunctionsTab(QWidget* parent)
    : ResultsTab(parent) {
    auto* outer = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName("functionsSummary");
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    m_tablesLayout = new QVBoxLayout(inner);
    m_tablesLayout->setContentsMargins(0, 0, 0, 0);
    m_tablesLayout->addStretch();
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);
    clearResults();
}

void FunctionsTab::clearResults() {
    for (QWidget* widget : m_shown) {
        widget->deleteLater();
    }
    m_shown.clear();
    m_views.clear();
    m_summary->setText(runHint() + QLatin1Char(' ') +
                       tr("For an application "
                          "(a format-2 scenario) this tab lists the requests of each trigger and "
                          "the invocations, cold starts, throttles, retries, timeouts and cost "
                          "of each function, per architecture."));
}

void FunctionsTab::showResults(const ScenarioResults& results) {
    clearResults();
    const std::vector<ApplicationTable> tables = applicationTables(results);
    if (tables.empty()) {
        m_summary->setText(tr("<b>%1</b> is a one-function workload; the Overview tab has its "
                              "results. Applications (format-2 scenarios with several functions) "
                              "list each trigger and function here.")
                               .arg(QString::fromStdString(results.scenarioName).toHtmlEscaped()));
        return;
    }
    QStringList architectures;
    for (const ArchitectureResults& a : results.architectures) {
        architectures << QString::fromStdString(a.name);
    }
    m_summary->setText(
        tr("<b>%1</b>: latency of a trigger's request is end to end, from its arrival until its "
           "last function completes; a function's latency is one invocation's. On a shared fleet a "
           "function's cost is its share of the fleet's bill by CPU work, and its instances "
           "(a dash) are not split.")
            .arg(QString::fromStdString(results.scenarioName).toHtmlEscaped()));
    int at = 0;
    for (const ApplicationTable& t : tables) {
        auto* title = new QLabel(
            QStringLiteral("<b>%1</b>").arg(QString::fromStdString(t.title).toHtmlEscaped()), this);
        auto* view = new QTableView(this);
        view->setObjectName(QString::fromStdString(t.title));
        view->setModel(new PartTableModel(t, architectures, view));
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setWordWrap(false);
        view->verticalHeader()->hide();
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(false);
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        // Every cell shows: the tab scrolls, not each table.
        view->resizeColumnsToContents();
        const int rows = view->model()->rowCount();
        view->setFixedSize(view->horizontalHeader()->length() + 2 * view->frameWidth(),
                           view->horizontalHeader()->sizeHint().height() +
                               rows * view->verticalHeader()->defaultSectionSize() +
                               2 * view->frameWidth());
        m_tablesLayout->insertWidget(at++, title);
        m_tablesLayout->insertWidget(at++, view, 0, Qt::AlignLeft);
        m_shown << title << view;
        m_views << view;
    }
}

QTableView* FunctionsTab::table(const QString& title) const {
    for (QTableView* view : m_views) {
        if (view->objectName() == title) {
            return view;
        }
    }
    return nullptr;
}

} // namespace faaslab::gui
