#include "app/gui/editor/architecture_editor.h"

#include "app/gui/document/field_help.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/problem_labels.h"
#include "app/gui/document/scenario_templates.h"
#include "app/gui/editor/distribution_editor.h"
#include "app/gui/editor/pricing_editor.h"
#include "models/scenario/architecture_fields.h"
#include "models/format/json_path.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

namespace {

const QStringList Types = {"serverless", "container", "vm"};

QStringList typeLabels() {
    return {QObject::tr("Functions (FaaS)"), QObject::tr("Serverless containers"),
            QObject::tr("Virtual machines")};
}

// A distribution of one platform's validated configuration, for a preview.
template <typename Config>
std::function<std::optional<DistributionSpec>()>
validatedDistribution(ScenarioDocument* document, int index,
                      std::function<const DistributionSpec*(const Config&)> pick) {
    return [document, index, pick]() -> std::optional<DistributionSpec> {
        const auto& scenario = document->scenario();
        if (!scenario || index >= static_cast<int>(scenario->architectures.size())) {
            return std::nullopt;
        }
        const auto* config = std::get_if<Config>(&scenario->architectures[index].config);
        const DistributionSpec* spec = config != nullptr ? pick(*config) : nullptr;
        return spec != nullptr ? std::optional<DistributionSpec>(*spec) : std::nullopt;
    };
}

} // namespace

ArchitectureEditor::ArchitectureEditor(ScenarioDocument* document, int index, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_index(index)
    , m_layout(new QVBoxLayout(this)) {
    setObjectName(QString("architecture%1").arg(index));
    m_layout->setContentsMargins(6, 6, 6, 6);
    rebuild();
}

std::string ArchitectureEditor::pointer(const std::string& key) const {
    return "/architectures/" + std::to_string(m_index) + (key.empty() ? "" : "/" + key);
}

std::string ArchitectureEditor::typeInDocument() const {
    const Json type = m_document->valueAt(ScenarioDocument::Pointer(pointer("type")));
    return type.is_string() ? type.get<std::string>() : std::string();
}

std::string ArchitectureEditor::policyInDocument() const {
    const Json policy =
        m_document->valueAt(ScenarioDocument::Pointer(pointer("keep_alive_policy")));
    return policy.is_string() ? policy.get<std::string>() : std::string("fixed");
}

bool ArchitectureEditor::hasMember(const char* key) const {
    return !m_document->valueAt(ScenarioDocument::Pointer(pointer(key))).is_null();
}

void ArchitectureEditor::rebuild() {
    // The type box or the autoscaling check box that asked for this rebuild
    // lives in the old body: delete it once its signal has returned.
    if (m_body != nullptr) {
        m_layout->removeWidget(m_body);
        m_body->hide();
        m_body->deleteLater();
    }
    m_fields.clear();
    m_distributions.clear();
    m_builtType = typeInDocument();
    m_builtAutoscaling = hasMember("autoscaling");
    m_builtHybrid = policyInDocument() == "hybrid_histogram";

    m_body = new QWidget(this);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_body);

    auto addField = [this](QFormLayout* form, const std::string& key, JsonField::Kind kind,
                           const QString& placeholder = {}) {
        auto* field = new JsonField(m_document, pointer(key), kind, m_body);
        const QString name = QString::fromStdString(key.substr(key.rfind('/') + 1));
        field->setHelp(fieldHelp(name));
        // A number left out takes the default the model's field table gives
        // (architecture_fields.h), shown as the placeholder.
        const auto fallback = architectureFieldDefault(m_builtType, key);
        field->setPlaceholder(!placeholder.isEmpty() ? placeholder
                                                     : JsonField::defaultPlaceholder(fallback));
        form->addRow(fieldLabel(name), field);
        m_fields.append(field);
        return field;
    };
    auto addGroup = [this, body](const QString& title) {
        auto* group = new QGroupBox(title, m_body);
        auto* form = new QFormLayout(group);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        body->addWidget(group);
        return form;
    };
    auto addDistribution = [this](QFormLayout* form, const std::string& key,
                                  std::function<std::optional<DistributionSpec>()> validated) {
        auto* editor =
            new DistributionEditor(m_document, pointer(key), std::move(validated), m_body);
        editor->setToolTip(fieldHelp(QString::fromStdString(key)));
        form->addRow(editor);
        m_distributions.append(editor);
    };

    auto* problems = createErrorLabel(m_body);
    setSectionProblems(problems, dottedPathFromPointer(pointer()));
    body->addWidget(problems);

    QFormLayout* general = addGroup(tr("Architecture"));
    addField(general, "name", JsonField::Kind::Text);
    m_type = new QComboBox(m_body);
    m_type->setObjectName("type");
    allowNarrow(m_type);
    m_type->addItems(typeLabels());
    m_type->setToolTip(fieldHelp("type"));
    m_type->setCurrentIndex(static_cast<int>(Types.indexOf(QString::fromStdString(m_builtType))));
    general->addRow(fieldLabel("type"), m_type);
    connect(m_type, &QComboBox::activated, this, [this](int index) {
        const Json name = m_document->valueAt(ScenarioDocument::Pointer(pointer("name")));
        m_document->setValue(
            ScenarioDocument::Pointer(pointer()),
            architectureTemplate(Types[index].toStdString(),
                                 name.is_string() ? name.get<std::string>() : std::string()),
            tr("Change architecture type"));
    });
    addField(general, "description", JsonField::Kind::Text, tr("optional"));

    const int index = m_index;
    if (m_builtType == "serverless") {
        QFormLayout* instances = addGroup(tr("Instances"));
        addField(instances, "keep_alive_s", JsonField::Kind::Number);
        addField(instances, "max_instances", JsonField::Kind::Number);
        addField(instances, "provisioned_instances", JsonField::Kind::Number);
        addField(instances, "concurrency_per_instance", JsonField::Kind::Number);
        JsonField* selection = addField(instances, "instance_selection", JsonField::Kind::Choice);
        selection->setChoices(
            {"most_recently_used", "newest_created", "least_recently_used"},
            {tr("Most recently used"), tr("Newest created"), tr("Least recently used")});
        selection->setDefaultChoice("most_recently_used");
        addField(instances, "timeout_s", JsonField::Kind::Number);
        QFormLayout* keepAlive = addGroup(tr("Keep-alive policy"));
        JsonField* policy = addField(keepAlive, "keep_alive_policy", JsonField::Kind::Choice);
        policy->setChoices({"fixed", "none", "hybrid_histogram"},
                           {tr("Fixed keep-alive"), tr("No keep-alive (always cold)"),
                            tr("Hybrid histogram (adaptive)")});
        policy->setDefaultChoice("fixed");
        if (m_builtHybrid) {
            auto* hybridProblems = createErrorLabel(m_body);
            setSectionProblems(hybridProblems, dottedPathFromPointer(pointer("hybrid_histogram")));
            keepAlive->addRow(hybridProblems);
            // Every setting of the policy is a number, in the table's order.
            for (const ArchitectureField& setting : architectureFields(m_builtType)) {
                if (setting.key.starts_with("hybrid_histogram/")) {
                    addField(keepAlive, setting.key, JsonField::Kind::Number);
                }
            }
        }
        QFormLayout* cold = addGroup(tr("Cold start"));
        addDistribution(
            cold, "cold_start_s",
            validatedDistribution<ServerlessConfig>(
                m_document, index, [](const ServerlessConfig& c) { return &c.coldStartS; }));
    } else if (m_builtType == "container") {
        QFormLayout* instance = addGroup(tr("Instances"));
        addField(instance, "vcpu", JsonField::Kind::Number);
        addField(instance, "memory_mb", JsonField::Kind::Number);
        addField(instance, "concurrency_per_instance", JsonField::Kind::Number);
        addField(instance, "min_instances", JsonField::Kind::Number);
        addField(instance, "max_instances", JsonField::Kind::Number);
        addField(instance, "queue_timeout_s", JsonField::Kind::Number);
        QFormLayout* startup = addGroup(tr("Start-up time"));
        addDistribution(
            startup, "startup_s",
            validatedDistribution<ContainerConfig>(
                m_document, index, [](const ContainerConfig& c) { return &c.startupS; }));
        QFormLayout* autoscaler = addGroup(tr("Autoscaler"));
        auto* autoscalerProblems = createErrorLabel(m_body);
        setSectionProblems(autoscalerProblems, dottedPathFromPointer(pointer("autoscaler")));
        autoscaler->addRow(autoscalerProblems);
        addField(autoscaler, "autoscaler/interval_s", JsonField::Kind::Number);
        addField(autoscaler, "autoscaler/window_s", JsonField::Kind::Number);
        addField(autoscaler, "autoscaler/target_utilization", JsonField::Kind::Number);
        addField(autoscaler, "autoscaler/scale_down_delay_s", JsonField::Kind::Number);
        addField(autoscaler, "autoscaler/cpu_target_utilization", JsonField::Kind::Number,
                 tr("off (default)"));
    } else if (m_builtType == "vm") {
        QFormLayout* fleet = addGroup(tr("Fleet"));
        addField(fleet, "vcpu", JsonField::Kind::Number, tr("the instance type's"));
        addField(fleet, "memory_mb", JsonField::Kind::Number, tr("the instance type's"));
        addField(fleet, "instances", JsonField::Kind::Number,
                 m_builtAutoscaling ? tr("the minimum") : QString());
        JsonField* dispatch = addField(fleet, "dispatch", JsonField::Kind::Choice);
        dispatch->setChoices({"central_queue", "least_connections", "round_robin"},
                             {tr("Central queue"), tr("Least connections"), tr("Round robin")});
        dispatch->setDefaultChoice("central_queue");
        addField(fleet, "queue_capacity", JsonField::Kind::Number);
        addField(fleet, "queue_timeout_s", JsonField::Kind::Number);

        QFormLayout* scaling = addGroup(tr("Autoscaling group"));
        m_autoscaling = new QCheckBox(tr("Scale the fleet on CPU utilisation"), m_body);
        m_autoscaling->setObjectName("autoscaling");
        m_autoscaling->setToolTip(tr("Target tracking: VMs are launched when the average CPU is "
                                     "above the target and terminated when it is below, after a "
                                     "boot time and a cooldown."));
        m_autoscaling->setChecked(m_builtAutoscaling);
        scaling->addRow(m_autoscaling);
        connect(m_autoscaling, &QCheckBox::clicked, this, [this](bool on) {
            const ScenarioDocument::Pointer where(pointer("autoscaling"));
            if (on) {
                m_document->setValue(
                    where,
                    Json{{"min_instances", 1},
                         {"max_instances", 10},
                         {"target_utilization", 0.5},
                         {"boot_s", Json{{"dist", "deterministic"}, {"value", 60}}}},
                    tr("Turn on autoscaling"));
            } else {
                m_document->removeValue(where, tr("Turn off autoscaling"));
            }
        });
        if (m_builtAutoscaling) {
            auto* scalingProblems = createErrorLabel(m_body);
            setSectionProblems(scalingProblems, dottedPathFromPointer(pointer("autoscaling")));
            scaling->addRow(scalingProblems);
            addField(scaling, "autoscaling/min_instances", JsonField::Kind::Number);
            addField(scaling, "autoscaling/max_instances", JsonField::Kind::Number);
            addField(scaling, "autoscaling/target_utilization", JsonField::Kind::Number);
            addField(scaling, "autoscaling/metric_period_s", JsonField::Kind::Number);
            addField(scaling, "autoscaling/cooldown_s", JsonField::Kind::Number);
            scaling->addRow(new QLabel(fieldLabel("boot_s"), m_body));
            addDistribution(
                scaling, "autoscaling/boot_s",
                validatedDistribution<VmConfig>(
                    m_document, index, [](const VmConfig& c) { return &c.autoscaling.bootS; }));
        }
    }

    if (!m_builtType.empty() && Types.contains(QString::fromStdString(m_builtType))) {
        QFormLayout* pricing = addGroup(tr("Price list"));
        m_pricing = new PricingEditor(m_document, m_index, m_builtType, m_body);
        pricing->addRow(m_pricing);
    } else {
        m_pricing = nullptr;
    }
    body->addStretch();
}

void ArchitectureEditor::refresh() {
    if (typeInDocument() != m_builtType || hasMember("autoscaling") != m_builtAutoscaling ||
        (policyInDocument() == "hybrid_histogram") != m_builtHybrid) {
        rebuild();
        return;
    }
    m_type->setCurrentIndex(static_cast<int>(Types.indexOf(QString::fromStdString(m_builtType))));
    for (JsonField* field : m_fields) {
        field->refresh();
    }
    for (DistributionEditor* editor : m_distributions) {
        editor->refresh();
    }
    if (m_pricing != nullptr) {
        m_pricing->refresh();
    }
}

} // namespace faaslab::gui
