#pragma once

#include "models/billing/pricing_fields.h"

#include <QAbstractTableModel>
#include <nlohmann/json.hpp>
#include <vector>

namespace faaslab::gui {

// Every number of one preset (rates, rounding, minimums, free tier) with
// its unit; the value column is editable. An edit is checked at once by the
// model's preset readers (the rules the scenario reader applies): a value
// they refuse is not taken, and rejected() says why.
class PricingRateModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Field, Value, Unit, ColumnCount };

    explicit PricingRateModel(QObject* parent = nullptr);

    void setDocument(const nlohmann::ordered_json& document);
    const nlohmann::ordered_json& document() const { return m_document; }
    bool isModified() const { return m_modified; }
    // Sets a field's value as if typed; false (and rejected()) when refused.
    bool setFieldValue(int row, double value);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void edited();
    void rejected(const QString& message);

private:
    nlohmann::ordered_json m_document;
    std::vector<PricingField> m_fields;
    bool m_modified = false;
};

} // namespace faaslab::gui
