#include "app/gui/library/run_comparison_dialog.h"

#include "app/gui/library/run_comparison_inputs_model.h"
#include "app/gui/library/run_comparison_model.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace faaslab::gui {

namespace {

void styleTable(QTableView* view) {
    view->setAlternatingRowColors(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
}

} // namespace

RunComparisonDialog::RunComparisonDialog(const workspace::StoredRun& before,
                                         const workspace::StoredRun& after,
                                         const nlohmann::ordered_json& beforeScenario,
                                         const nlohmann::ordered_json& afterScenario,
                                         QWidget* parent)
    : QDialog(parent)
    , m_model(new RunComparisonModel(before, after, this))
    , m_view(new QTableView(this))
    , m_inputs(new RunComparisonInputsModel(beforeScenario, afterScenario, this))
    , m_inputsView(new QTableView(this))
    , m_inputsSummary(new QLabel(this)) {
    setObjectName("runComparisonDialog");
    setWindowTitle(tr("Compare Runs %1 and %2").arg(before.summary.id).arg(after.summary.id));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(this);
    heading->setTextFormat(Qt::RichText);
    heading->setWordWrap(true);
    heading->setText(tr("<b>Before:</b> %1<br><b>After:</b> %2")
                         .arg(runTitle(before.summary).toHtmlEscaped(),
                              runTitle(after.summary).toHtmlEscaped()));
    layout->addWidget(heading);

    // Inputs first: what was changed explains what moved below.
    auto* inputs = new QWidget(this);
    auto* inputsLayout = new QVBoxLayout(inputs);
    inputsLayout->setContentsMargins(0, 0, 0, 0);
    m_inputsSummary->setObjectName("inputsSummary");
    m_inputsSummary->setWordWrap(true);
    m_inputsSummary->setTextFormat(Qt::RichText);
    const int changed = m_inputs->rowCount();
    QString summary;
    if (!m_inputs->isAvailable()) {
        summary = tr("<b>Inputs:</b> the scenario of one of the runs could not be read, so what "
                     "changed in it is unknown.");
    } else if (changed == 0) {
        summary = before.summary.revisionId == after.summary.revisionId
                      ? tr("<b>Inputs:</b> both runs simulated the same scenario (revision %1). "
                           "Differences below come from the price lists in the workspace's "
                           "catalog or from the program version.")
                            .arg(before.summary.revision)
                      : tr("<b>Inputs:</b> the scenarios are the same setting for setting. "
                           "Differences below come from the price lists in the workspace's "
                           "catalog or from the program version.");
    } else {
        summary = tr("<b>Inputs:</b> %n setting(s) of the scenario changed.", nullptr, changed);
    }
    m_inputsSummary->setText(summary);
    inputsLayout->addWidget(m_inputsSummary);
    m_inputsView->setObjectName("inputChangesTable");
    m_inputsView->setModel(m_inputs);
    styleTable(m_inputsView);
    m_inputsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_inputsView->horizontalHeader()->setStretchLastSection(true);
    m_inputsView->resizeColumnsToContents();
    m_inputsView->setVisible(changed > 0);
    inputsLayout->addWidget(m_inputsView, 1);

    auto* results = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    auto* resultsHeading = new QLabel(
        tr("<b>Results:</b> %n metric(s) differ.", nullptr, m_model->differenceCount()), this);
    resultsHeading->setTextFormat(Qt::RichText);
    resultsLayout->addWidget(resultsHeading);
    auto* only = new QCheckBox(tr("Show only the differences"), this);
    resultsLayout->addWidget(only);
    m_view->setModel(m_model);
    m_view->setObjectName("comparisonTable");
    styleTable(m_view);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::Metric,
                                                     QHeaderView::Stretch);
    resultsLayout->addWidget(m_view, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(inputs);
    splitter->addWidget(results);
    splitter->setChildrenCollapsible(false);
    // A few changed settings take a few lines; the metrics get the rest.
    const int rowHeight = m_inputsView->verticalHeader()->defaultSectionSize();
    const int inputsHeight =
        changed > 0 ? std::min(changed + 2, 9) * rowHeight + m_inputsSummary->sizeHint().height()
                    : m_inputsSummary->sizeHint().height();
    splitter->setSizes({inputsHeight, 640 - inputsHeight});
    layout->addWidget(splitter, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(only, &QCheckBox::toggled, m_model, &RunComparisonModel::setOnlyDifferences);
    resize(900, 680);
}

} // namespace faaslab::gui
