#include "run_comparison_dialog.h"

#include "run_comparison_model.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace faaslab::gui {

RunComparisonDialog::RunComparisonDialog(const workspace::StoredRun& before,
                                         const workspace::StoredRun& after, QWidget* parent)
    : QDialog(parent)
    , m_model(new RunComparisonModel(before, after, this))
    , m_view(new QTableView(this)) {
    setObjectName("runComparisonDialog");
    setWindowTitle(tr("Compare Runs %1 and %2").arg(before.summary.id).arg(after.summary.id));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(this);
    heading->setTextFormat(Qt::RichText);
    heading->setText(tr("<b>Before:</b> %1<br><b>After:</b> %2<br>%n metric(s) differ.", nullptr,
                        m_model->differenceCount())
                         .arg(runTitle(before.summary).toHtmlEscaped(),
                              runTitle(after.summary).toHtmlEscaped()));
    layout->addWidget(heading);
    auto* only = new QCheckBox(tr("Show only the differences"), this);
    layout->addWidget(only);
    m_view->setModel(m_model);
    m_view->setObjectName("comparisonTable");
    m_view->setAlternatingRowColors(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::Metric,
                                                     QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(only, &QCheckBox::toggled, m_model, &RunComparisonModel::setOnlyDifferences);
    resize(900, 640);
}

} // namespace faaslab::gui
