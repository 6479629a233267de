#include "app/gui/editor/pricing_editor.h"

#include "app/gui/document/field_help.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/problem_labels.h"
#include "models/billing/price_list_description.h"
#include "models/billing/pricing_catalog.h"
#include "models/scenario/pricing_reader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

namespace {

// The preset a pricing member names ("" for an inline price list).
std::string presetOf(const Json& pricing) {
    if (pricing.is_string()) {
        return pricing.get<std::string>();
    }
    if (pricing.is_object() && pricing.contains("preset") && pricing["preset"].is_string()) {
        return pricing["preset"].get<std::string>();
    }
    return {};
}

} // namespace

PricingEditor::PricingEditor(ScenarioDocument* document, int architecture, const std::string& kind,
                             QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_architecture(architecture)
    , m_kind(kind)
    , m_preset(new QComboBox(this))
    , m_error(createErrorLabel(this))
    , m_rates(new QLabel(this)) {
    setObjectName(QString::fromStdString("pricing:" + path()));
    claimProblems(this, path());
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);

    m_preset->setObjectName("preset");
    allowNarrow(m_preset);
    m_preset->setToolTip(fieldHelp("pricing"));
    for (const std::string& id : m_document->pricingCatalog().ids(kind)) {
        const PricingPreset* preset = m_document->pricingCatalog().find(id);
        const std::string product = preset->document.value("product", std::string());
        m_ids << QString::fromStdString(id);
        m_preset->addItem(QString::fromStdString(product.empty() ? id : product + " (" + id + ")"));
    }
    auto* presetColumn = new QWidget(this);
    auto* column = new QVBoxLayout(presetColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(1);
    column->addWidget(m_preset);
    column->addWidget(m_error);
    form->addRow(fieldLabel("pricing"), presetColumn);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        if (index < 0 || index >= m_ids.size()) {
            return;
        }
        Json pricing = m_document->valueAt(pointer());
        const Json id = m_ids[index].toStdString();
        if (pricing.is_object() && pricing.contains("preset")) {
            pricing["preset"] = id; // keep the overrides
        } else {
            pricing = id; // a string, or an inline list being replaced
        }
        m_document->setValue(pointer(), pricing, tr("Change price list"));
    });

    if (kind == "serverless" || kind == "container") {
        m_freeTier = new QCheckBox(tr("Deduct the monthly free tier"), this);
        m_freeTier->setObjectName("apply_free_tier");
        m_freeTier->setToolTip(tr("Providers give every account a monthly allowance of free "
                                  "requests and compute. It is shared by everything the account "
                                  "runs, so it is off by default."));
        form->addRow(QString(), m_freeTier);
        connect(m_freeTier, &QCheckBox::clicked, this,
                [this](bool on) { setOverride("apply_free_tier", on ? Json(true) : Json()); });
    }
    if (kind == "vm") {
        auto* holder = new QWidget(this);
        auto* discountColumn = new QVBoxLayout(holder);
        discountColumn->setContentsMargins(0, 0, 0, 0);
        discountColumn->setSpacing(1);
        m_discount = new QLineEdit(holder);
        m_discount->setObjectName("discount_percent");
        m_discount->setPlaceholderText(tr("0 (on-demand)"));
        m_discount->setToolTip(tr("Reserved instances and savings plans cut the hourly price in "
                                  "exchange for a one- or three-year commitment (up to about "
                                  "70 %)."));
        m_discountError = createErrorLabel(holder);
        discountColumn->addWidget(m_discount);
        discountColumn->addWidget(m_discountError);
        form->addRow(tr("Discount (%)"), holder);
        connect(m_discount, &QLineEdit::textEdited, this, [this](const QString& text) {
            setOverride("discount_percent", JsonField::valueFromText(text, true).value_or(Json()));
        });
        connect(m_discount, &QLineEdit::editingFinished, m_document, &ScenarioDocument::endTyping);
    }

    m_rates->setObjectName("rates");
    m_rates->setWordWrap(true);
    m_rates->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_rates->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_rates->setFont(small);
    form->addRow(tr("Rates"), m_rates);
    refresh();
}

ScenarioDocument::Pointer PricingEditor::pointer() const {
    return ScenarioDocument::Pointer("/architectures/" + std::to_string(m_architecture) +
                                     "/pricing");
}

std::string PricingEditor::path() const {
    return "architectures[" + std::to_string(m_architecture) + "].pricing";
}

void PricingEditor::setOverride(const char* key, const Json& value) {
    Json pricing = m_document->valueAt(pointer());
    if (pricing.is_string()) {
        pricing = Json{{"preset", pricing}};
    } else if (!pricing.is_object()) {
        pricing = Json::object();
    }
    if (value.is_null()) {
        pricing.erase(key);
    } else {
        pricing[key] = value;
    }
    if (pricing.size() == 1 && pricing.contains("preset")) {
        pricing = pricing["preset"];
    }
    m_document->setValue(pointer(), pricing, tr("Change price list"));
}

QString PricingEditor::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

QString PricingEditor::describe() const {
    // The rates in force: from the validated scenario (overrides applied),
    // or the bare preset while something else in the scenario is invalid.
    const auto& scenario = m_document->scenario();
    if (scenario && m_architecture < static_cast<int>(scenario->architectures.size())) {
        const ArchitectureSpec& spec = scenario->architectures[m_architecture];
        std::string id = presetOf(spec.pricingSource);
        if (id.empty()) {
            id = "inline";
        }
        return QString::fromStdString(std::visit(
            [&](const auto& config) -> std::string {
                using T = std::decay_t<decltype(config)>;
                if constexpr (std::is_same_v<T, ServerlessConfig>) {
                    return describeServerlessPricing(id, config.pricing);
                } else if constexpr (std::is_same_v<T, ContainerConfig>) {
                    return describeContainerPricing(id, config.pricing);
                } else {
                    return describeVmPricing(id, config.pricing);
                }
            },
            spec.config));
    }
    const std::string id = presetOf(m_document->valueAt(pointer()));
    const PricingPreset* preset = m_document->pricingCatalog().find(id);
    if (preset == nullptr || preset->kind != m_kind) {
        return tr("The rates are shown when the price list is valid.");
    }
    Diagnostics ignored;
    if (m_kind == "serverless") {
        if (const auto pricing = readServerlessPreset(*preset, ignored)) {
            return QString::fromStdString(describeServerlessPricing(id, *pricing));
        }
    } else if (m_kind == "container") {
        if (const auto pricing = readContainerPreset(*preset, ignored)) {
            return QString::fromStdString(describeContainerPricing(id, *pricing));
        }
    } else if (const auto pricing = readVmPreset(*preset, ignored)) {
        return QString::fromStdString(describeVmPricing(id, *pricing));
    }
    return {};
}

void PricingEditor::refresh() {
    const Json pricing = m_document->valueAt(pointer());
    const QString id = QString::fromStdString(presetOf(pricing));
    const bool inlineList = pricing.is_object() && !pricing.contains("preset");
    // An inline list has no entry among the presets: show it as an extra,
    // unselectable item so the picker does not pretend a preset applies.
    const int inlineIndex = m_ids.size();
    if (inlineList && m_preset->count() == inlineIndex) {
        m_preset->addItem(tr("Inline rates (from the file)"));
    } else if (!inlineList && m_preset->count() > inlineIndex) {
        m_preset->removeItem(inlineIndex);
    }
    m_preset->setCurrentIndex(inlineList ? inlineIndex : static_cast<int>(m_ids.indexOf(id)));

    showError(m_error, m_document->problemUnder(path()));
    if (m_freeTier != nullptr) {
        m_freeTier->setChecked(pricing.is_object() && pricing.contains("apply_free_tier") &&
                               pricing["apply_free_tier"] == Json(true));
    }
    if (m_discount != nullptr) {
        const Json discount = pricing.is_object() && pricing.contains("discount_percent")
                                  ? pricing["discount_percent"]
                                  : Json();
        const auto typed = JsonField::valueFromText(m_discount->text(), true);
        if (!(m_discount->hasFocus() && typed.value_or(Json()) == discount)) {
            m_discount->setText(JsonField::textFromValue(discount));
        }
        const Diagnostic* problem = m_document->problemAt(path() + ".discount_percent");
        showError(m_discountError,
                  problem != nullptr ? QString::fromStdString(problem->message) : QString());
        // The error under the preset shows everything else in the member.
        if (problem != nullptr && m_error->text().startsWith(".discount_percent")) {
            showError(m_error, QString());
        }
    }

    const QString text = describe();
    // The provenance notes are long: they go in the tooltip, the rates stay
    // readable at a glance.
    QStringList lines = text.split('\n');
    QString notes;
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        if (lines[i].trimmed().startsWith("notes:")) {
            notes = lines[i].trimmed().mid(6).trimmed();
            lines.removeAt(i);
        }
    }
    for (QString& line : lines) {
        line = line.trimmed();
    }
    m_rates->setText(lines.join('\n'));
    m_rates->setToolTip(notes);
}

} // namespace faaslab::gui
