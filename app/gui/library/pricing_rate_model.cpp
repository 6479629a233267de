#include "app/gui/library/pricing_rate_model.h"

#include "app/workspace/pricing_catalog_store.h"

#include <QLocale>

namespace faaslab::gui {

namespace {

// The shortest plain decimal that reads back as exactly `value`: a rate
// like 0.0000166667 must show every digit and no exponent.
QString exactText(double value) {
    for (int decimals = 0; decimals <= 20; ++decimals) {
        const QString text = QString::number(value, 'f', decimals);
        if (text.toDouble() == value) {
            return text;
        }
    }
    return QString::number(value, 'g', 17);
}

} // namespace

PricingRateModel::PricingRateModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void PricingRateModel::setDocument(const nlohmann::ordered_json& document) {
    beginResetModel();
    m_document = document;
    m_fields = pricingFields(document);
    m_modified = false;
    endResetModel();
}

bool PricingRateModel::setFieldValue(int row, double value) {
    if (row < 0 || row >= rowCount()) {
        return false;
    }
    PricingField& field = m_fields[static_cast<std::size_t>(row)];
    nlohmann::ordered_json candidate = m_document;
    if (!setPricingField(candidate, field.path, value)) {
        return false;
    }
    const QString problems = workspace::PricingCatalogStore::validate(candidate);
    if (!problems.isEmpty()) {
        emit rejected(tr("%1 = %2 is not accepted:\n%3")
                          .arg(QString::fromStdString(field.path))
                          .arg(value)
                          .arg(problems));
        return false;
    }
    m_document = std::move(candidate);
    field.value = value;
    m_modified = true;
    emit dataChanged(index(row, Value), index(row, Value));
    emit edited();
    return true;
}

int PricingRateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

int PricingRateModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PricingRateModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const PricingField& f = m_fields[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Field:
            return QString::fromStdString(f.path);
        case Value:
            return role == Qt::EditRole ? QVariant(f.value) : QVariant(exactText(f.value));
        case Unit:
            return QString::fromStdString(f.unit);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Value) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

bool PricingRateModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || index.column() != Value) {
        return false;
    }
    bool ok = false;
    double number = value.toDouble(&ok);
    if (!ok) {
        number = QLocale().toDouble(value.toString(), &ok);
    }
    if (!ok) {
        emit rejected(tr("'%1' is not a number").arg(value.toString()));
        return false;
    }
    return setFieldValue(index.row(), number);
}

Qt::ItemFlags PricingRateModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Value) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant PricingRateModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Field:
        return tr("Field");
    case Value:
        return tr("Value");
    case Unit:
        return tr("Unit");
    default:
        return {};
    }
}

} // namespace faaslab::gui
