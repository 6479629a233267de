#include "app/gui/results/part_table_model.h"

#include "app/gui/results/chart_style.h"

#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace faaslab::gui {

namespace {

// The first two columns name the part and the architecture; the rest are
// numbers.
constexpr int NameColumns = 2;

QIcon swatch(const QColor& colour) {
    QPixmap pixmap(10, 10);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(0, 0, 10, 10), 2, 2);
    return QIcon(pixmap);
}

} // namespace

PartTableModel::PartTableModel(ApplicationTable table, QStringList architectures, QObject* parent)
    : QAbstractTableModel(parent)
    , m_table(std::move(table))
    , m_architectures(std::move(architectures)) {
}

int PartTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || m_table.rows.empty() ? 0 : static_cast<int>(m_table.rows.size()) - 1;
}

int PartTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_table.rows.empty() ? 0
                                                    : static_cast<int>(m_table.rows.front().size());
}

QVariant PartTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const auto& row = m_table.rows[static_cast<std::size_t>(index.row()) + 1];
    if (static_cast<std::size_t>(index.column()) >= row.size()) {
        return {};
    }
    const QString cell = QString::fromStdString(row[static_cast<std::size_t>(index.column())]);
    const int architecture = m_architectures.indexOf(QString::fromStdString(row[1]));
    switch (role) {
    case Qt::DisplayRole:
        return cell;
    case Qt::TextAlignmentRole:
        return index.column() < NameColumns ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DecorationRole:
        if (index.column() == 1 && architecture >= 0) {
            return swatch(architectureColor(architecture));
        }
        return {};
    case Qt::BackgroundRole: {
        // Rows come part by part, one per architecture: shade every other
        // part so the architectures of one part read as a group.
        const int perPart = std::max<int>(1, static_cast<int>(m_architectures.size()));
        if ((index.row() / perPart) % 2 == 1) {
            return QApplication::palette().brush(QPalette::AlternateBase);
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant PartTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && !m_table.rows.empty() &&
        section < static_cast<int>(m_table.rows.front().size())) {
        return QString::fromStdString(m_table.rows.front()[static_cast<std::size_t>(section)]);
    }
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        return section < NameColumns ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace faaslab::gui
