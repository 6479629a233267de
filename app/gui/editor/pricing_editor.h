#pragma once

#include "app/gui/document/scenario_document.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace faaslab::gui {

// Edits an architecture's "pricing": which published price list applies
// (the presets of its kind), whether the monthly free tier is deducted, a
// VM discount, and shows the rates and rules in force, in the same words as
// `faaslab-cli pricing show`.
//
// The member stays in its shortest form: "aws-lambda-x86" while nothing is
// overridden, {"preset": ..., "apply_free_tier": true} once something is.
// Inline price lists written in a file are kept and shown; picking a preset
// replaces them (one undo step).
class PricingEditor : public QWidget {
    Q_OBJECT

public:
    PricingEditor(ScenarioDocument* document, int architecture, const std::string& kind,
                  QWidget* parent = nullptr);

    void refresh();
    QComboBox* presetBox() const { return m_preset; }
    QCheckBox* freeTierBox() const { return m_freeTier; }
    QLineEdit* discountEdit() const { return m_discount; }
    QLabel* ratesLabel() const { return m_rates; }
    QString errorText() const;

private:
    ScenarioDocument::Pointer pointer() const;
    std::string path() const;
    // The pricing member with `key` set to `value` (or removed when null),
    // in its shortest form.
    void setOverride(const char* key, const ScenarioDocument::Json& value);
    QString describe() const;

    ScenarioDocument* m_document;
    int m_architecture;
    std::string m_kind;
    QStringList m_ids;
    QComboBox* m_preset;
    QCheckBox* m_freeTier = nullptr;
    QLineEdit* m_discount = nullptr;
    QLabel* m_discountError = nullptr;
    QLabel* m_error;
    QLabel* m_rates;
};

} // namespace faaslab::gui
