#pragma once

#include "app/workspace/pricing_catalog_store.h"

#include <QAbstractTableModel>
#include <vector>

namespace faaslab::gui {

// The catalog dialog's preset table: id, kind, provider, region, billing,
// where it comes from (built-in, edited built-in, user) and the as-of date.
class PricingPresetModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Id, Kind, Provider, Region, Billing, Origin, AsOf, ColumnCount };

    explicit PricingPresetModel(QObject* parent = nullptr);

    void setPresets(std::vector<workspace::StoredPreset> presets);
    const workspace::StoredPreset* presetAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString originText(const workspace::StoredPreset& preset);

private:
    std::vector<workspace::StoredPreset> m_presets;
};

} // namespace faaslab::gui
