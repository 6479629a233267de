#include "app/gui/library/pricing_preset_model.h"

#include <QFont>

namespace faaslab::gui {

PricingPresetModel::PricingPresetModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void PricingPresetModel::setPresets(std::vector<workspace::StoredPreset> presets) {
    beginResetModel();
    m_presets = std::move(presets);
    endResetModel();
}

const workspace::StoredPreset* PricingPresetModel::presetAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_presets.size())
               ? &m_presets[static_cast<std::size_t>(row)]
               : nullptr;
}

int PricingPresetModel::rowOf(const QString& id) const {
    for (std::size_t i = 0; i < m_presets.size(); ++i) {
        if (m_presets[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString PricingPresetModel::originText(const workspace::StoredPreset& p) {
    if (!p.builtin) {
        return p.copiedFrom.isEmpty() ? tr("user") : tr("user (copy of %1)").arg(p.copiedFrom);
    }
    return p.edited ? tr("built-in, edited") : tr("built-in");
}

int PricingPresetModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_presets.size());
}

int PricingPresetModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PricingPresetModel::data(const QModelIndex& index, int role) const {
    const workspace::StoredPreset* p = presetAt(index.row());
    if (p == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return p->id;
        case Kind:
            return p->kind;
        case Provider:
            return p->provider;
        case Region:
            return p->region;
        case Billing:
            return QString(p->billingKind).replace('_', ' ');
        case Origin:
            return originText(*p);
        case AsOf:
            return p->asOf;
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && index.column() == Origin && (p->edited || !p->builtin)) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ToolTipRole) {
        return p->product + "\n" + p->sourceUrl;
    }
    return {};
}

QVariant PricingPresetModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Id:
        return tr("Preset");
    case Kind:
        return tr("Kind");
    case Provider:
        return tr("Provider");
    case Region:
        return tr("Region");
    case Billing:
        return tr("Billing");
    case Origin:
        return tr("Origin");
    case AsOf:
        return tr("As of");
    default:
        return {};
    }
}

} // namespace faaslab::gui
