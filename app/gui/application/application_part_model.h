#pragma once

#include "app/gui/document/scenario_document.h"

#include <QAbstractTableModel>

namespace faaslab::gui {

// One list of an application's parts (functions, triggers or edges) as a
// table over the scenario document. Like the form fields, the cells show
// the document's JSON as written, marked with the reader's message where it
// has one; edits are written to the document, which revalidates them with
// the ScenarioReader. Function names, memory and timeout are editable; the
// other columns summarise a part whose details are edited as JSON.
class ApplicationPartModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Part { Functions, Triggers, Edges };
    enum FunctionColumn {
        Name,
        MemoryMb,
        TimeoutS,
        KeepAliveS,
        MaxInstances,
        ServiceTime,
        FunctionColumns
    };
    // Triggers and edges: name/type, target, details.
    static constexpr int OtherColumns = 4;

    ApplicationPartModel(ScenarioDocument* document, Part part, QObject* parent = nullptr);

    Part part() const { return m_part; }
    // "/application/functions/2" and "application.functions[2]".
    std::string rowPointer(int row) const;
    std::string rowPath(int row) const;
    // Re-reads the document, keeping the views' selection when the number
    // of rows is unchanged.
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

private:
    const ScenarioDocument::Json& item(int row) const;
    int countRows() const;
    // A function's per-function override of an architecture setting
    // (timeout, keep-alive, max instances): empty means the architecture's.
    bool isOverride(int column) const;
    // The member a cell shows ("memory_mb"), empty for summaries.
    std::string columnKey(int column) const;
    QString cellText(int row, int column) const;
    QString cellProblem(int row, int column) const;
    void renameFunction(int row, const QString& name);

    ScenarioDocument* m_document;
    Part m_part;
    // Rows as of the last refresh(), so views see a change as a reset.
    int m_rows = 0;
};

} // namespace faaslab::gui
