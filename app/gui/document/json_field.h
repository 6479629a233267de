#pragma once

#include "app/gui/document/scenario_document.h"

#include <QStringList>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace faaslab::gui {

// One editable value of the scenario, bound to its JSON pointer: an input
// widget and, under it, the scenario reader's message about that value.
//
// What the user types goes into the document as typed (a number if it reads
// as one, otherwise the text), so the reader judges it and the message shown
// is exactly the one `faaslab-cli validate` would print. An emptied field
// removes the member (the default applies, or the reader says it is
// required).
class JsonField : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Number, Text, Choice, Boolean };

    JsonField(ScenarioDocument* document, const std::string& pointer, Kind kind,
              QWidget* parent = nullptr);

    // For Choice: the values written and, optionally, their labels.
    void setChoices(const QStringList& values, const QStringList& labels = {});
    // For Choice: the value the reader assumes when the member is absent,
    // shown as selected in that case.
    void setDefaultChoice(const QString& value);
    // Shown greyed when the member is absent, e.g. "600 (default)".
    void setPlaceholder(const QString& text);
    // "600 (default)" for a default the model's field tables give
    // (architecture_fields.h, section_fields.h); empty without one.
    static QString defaultPlaceholder(std::optional<double> value);
    // The explanation shown as a tooltip on the field and its label.
    void setHelp(const QString& text);

    // The dotted path the reader uses in its messages ("workload.memory_mb").
    const std::string& path() const { return m_path; }
    QString errorText() const;
    QWidget* input() const;
    QLineEdit* lineEdit() const { return m_line; }
    QComboBox* comboBox() const { return m_combo; }
    QCheckBox* checkBox() const { return m_check; }

    // Reads the value and the message from the document.
    void refresh();

    // The value a typed text means: nothing (remove the member) when empty,
    // a number when `numeric` and it reads as one (whole numbers as
    // integers, so saved files read naturally), otherwise the text.
    static std::optional<ScenarioDocument::Json> valueFromText(const QString& text, bool numeric);
    // How a value is shown in a line edit.
    static QString textFromValue(const ScenarioDocument::Json& value);

private:
    void commitText(const QString& text);

    ScenarioDocument* m_document;
    ScenarioDocument::Pointer m_pointer;
    std::string m_path;
    Kind m_kind;
    QLineEdit* m_line = nullptr;
    QComboBox* m_combo = nullptr;
    QCheckBox* m_check = nullptr;
    QLabel* m_error;
    QStringList m_values;
    QString m_defaultChoice;
};

// Lets an editor combo box be narrower than its longest item (which is
// elided), so the form fits the dock instead of the dock fitting the
// longest price-list name.
void allowNarrow(QComboBox* box);

} // namespace faaslab::gui
