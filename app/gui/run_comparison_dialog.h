#pragma once

#include "app/workspace/run_store.h"

#include <QDialog>

class QTableView;

namespace faaslab::gui {

class RunComparisonModel;

// Two stored runs side by side ("before" the older, "after" the newer),
// with what changed highlighted and a switch to show only the differences.
class RunComparisonDialog : public QDialog {
    Q_OBJECT

public:
    RunComparisonDialog(const workspace::StoredRun& before, const workspace::StoredRun& after,
                        QWidget* parent = nullptr);

    RunComparisonModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

private:
    RunComparisonModel* m_model;
    QTableView* m_view;
};

} // namespace faaslab::gui
