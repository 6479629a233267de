#pragma once

#include "models/report/application_tables.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace faaslab::gui {

// One of an application's results tables (by trigger, by function, by
// queue) as a read-only table model. The cells are the strings of the model
// library's table builder, the same the command line prints; this class
// only adds alignment, the architectures' colours and shading by part.
class PartTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // `architectures` in results order, for the colour of each row.
    PartTableModel(ApplicationTable table, QStringList architectures, QObject* parent = nullptr);

    const ApplicationTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    ApplicationTable m_table;
    QStringList m_architectures;
};

} // namespace faaslab::gui
