#include "app/gui/editor/scenario_editor.h"

#include "app/gui/application/application_editor.h"
#include "app/gui/document/field_help.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/problem_labels.h"
#include "app/gui/document/scenario_templates.h"
#include "app/gui/editor/architecture_editor.h"
#include "app/gui/editor/arrivals_editor.h"
#include "app/gui/editor/distribution_editor.h"
#include "app/gui/editor/undo_key_router.h"
#include "app/gui/results/chart_style.h"
#include "models/scenario/section_fields.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

namespace {

constexpr int FirstArchitectureTab = 2;

QIcon colourSwatch(const QColor& colour) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(0, 0, 12, 12), 3, 3);
    return QIcon(pixmap);
}

bool hasProblemInside(const ScenarioDocument& document, const std::string& prefix) {
    for (const Diagnostic& d : document.diagnostics().items()) {
        if (isInside(d.path, prefix)) {
            return true;
        }
    }
    return false;
}

} // namespace

ScenarioEditor::ScenarioEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_tabs(new QTabWidget(this))
    , m_addButton(new QToolButton(this))
    , m_duplicateButton(new QToolButton(this))
    , m_removeButton(new QToolButton(this))
    , m_leftButton(new QToolButton(this))
    , m_rightButton(new QToolButton(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    new UndoKeyRouter(m_document, this);

    // Architecture actions, on the current architecture tab.
    auto* actions = new QHBoxLayout();
    actions->setContentsMargins(4, 4, 4, 0);
    m_addButton->setText(tr("Add"));
    m_addButton->setToolTip(tr("Add an architecture to compare"));
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* addMenu = new QMenu(m_addButton);
    addMenu->addAction(tr("Functions (FaaS)"), this, [this] { addArchitecture("serverless"); });
    addMenu->addAction(tr("Serverless containers"), this, [this] { addArchitecture("container"); });
    addMenu->addAction(tr("Virtual machines"), this, [this] { addArchitecture("vm"); });
    m_addButton->setMenu(addMenu);
    m_duplicateButton->setText(tr("Duplicate"));
    m_duplicateButton->setToolTip(tr("Copy this architecture, e.g. to compare two settings"));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(tr("Remove this architecture (Undo brings it back)"));
    m_leftButton->setArrowType(Qt::LeftArrow);
    m_leftButton->setToolTip(tr("Move this architecture left (earlier in tables and charts)"));
    m_rightButton->setArrowType(Qt::RightArrow);
    m_rightButton->setToolTip(tr("Move this architecture right"));
    for (QToolButton* button : {m_addButton, m_duplicateButton, m_removeButton}) {
        button->setAutoRaise(true);
        actions->addWidget(button);
    }
    actions->addStretch();
    for (QToolButton* button : {m_leftButton, m_rightButton}) {
        button->setAutoRaise(true);
        actions->addWidget(button);
    }
    connect(m_duplicateButton, &QToolButton::clicked, this,
            [this] { duplicateArchitecture(currentArchitecture()); });
    connect(m_removeButton, &QToolButton::clicked, this,
            [this] { removeArchitecture(currentArchitecture()); });
    connect(m_leftButton, &QToolButton::clicked, this,
            [this] { moveArchitecture(currentArchitecture(), currentArchitecture() - 1); });
    connect(m_rightButton, &QToolButton::clicked, this,
            [this] { moveArchitecture(currentArchitecture(), currentArchitecture() + 1); });
    layout->addLayout(actions);

    // Problems with the document as a whole (format, no architectures).
    auto* topProblems = createErrorLabel(this);
    topProblems->setContentsMargins(6, 0, 6, 0);
    setSectionProblems(topProblems, "");
    layout->addWidget(topProblems);

    m_tabs->setObjectName("editorTabs");
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    layout->addWidget(m_tabs);

    auto addField = [this](QFormLayout* form, const std::string& pointer, JsonField::Kind kind,
                           const QString& placeholder, QWidget* parent) {
        auto* field = new JsonField(m_document, pointer, kind, parent);
        const QString key = QString::fromStdString(pointer.substr(pointer.rfind('/') + 1));
        field->setHelp(fieldHelp(key));
        field->setPlaceholder(placeholder);
        form->addRow(fieldLabel(key), field);
        m_fields.append(field);
        return field;
    };

    // Simulation: what the scenario is and how long to simulate.
    auto* simulation = new QWidget(this);
    auto* simulationLayout = new QVBoxLayout(simulation);
    auto* about = new QGroupBox(tr("Scenario"), simulation);
    auto* aboutForm = new QFormLayout(about);
    addField(aboutForm, "/name", JsonField::Kind::Text, {}, about);
    addField(aboutForm, "/description", JsonField::Kind::Text, tr("optional"), about);
    simulationLayout->addWidget(about);
    auto* run = new QGroupBox(tr("Simulation"), simulation);
    auto* runForm = new QFormLayout(run);
    auto* runProblems = createErrorLabel(run);
    setSectionProblems(runProblems, "simulation");
    runForm->addRow(runProblems);
    // Left out, each takes the default of SimulationSettings (section_fields.h).
    for (const char* key : {"duration_s", "warmup_s", "seed", "replications", "timeseries_bin_s"}) {
        addField(runForm, std::string("/simulation/") + key, JsonField::Kind::Number,
                 JsonField::defaultPlaceholder(simulationFieldDefault(key)), run);
    }
    simulationLayout->addWidget(run);
    simulationLayout->addStretch();
    m_simulationPage = scrollPage(simulation);
    m_tabs->addTab(m_simulationPage, tr("Simulation"));

    // Workload: the traffic and the function, the same for every architecture.
    auto* workload = new QWidget(this);
    auto* workloadLayout = new QVBoxLayout(workload);
    auto* workloadProblems = createErrorLabel(workload);
    setSectionProblems(workloadProblems, "workload");
    workloadLayout->addWidget(workloadProblems);
    auto* arrivalsBox = new QGroupBox(tr("Arrivals"), workload);
    auto* arrivalsLayout = new QVBoxLayout(arrivalsBox);
    m_arrivals = new ArrivalsEditor(m_document, arrivalsBox);
    arrivalsLayout->addWidget(m_arrivals);
    workloadLayout->addWidget(arrivalsBox);

    auto* serviceBox = new QGroupBox(tr("Service time (CPU time per request)"), workload);
    serviceBox->setToolTip(tr("How long one request computes at full speed. Functions bill this "
                              "time; a busy VM core is occupied for it."));
    auto* serviceLayout = new QVBoxLayout(serviceBox);
    m_serviceTime = new DistributionEditor(
        m_document, "/workload/service_time_s",
        [this]() -> std::optional<DistributionSpec> {
            const auto& scenario = m_document->scenario();
            return scenario ? std::optional(scenario->workload.serviceTimeS) : std::nullopt;
        },
        serviceBox);
    serviceLayout->addWidget(m_serviceTime);
    workloadLayout->addWidget(serviceBox);

    auto* ioBox = new QGroupBox(tr("I/O wait (optional)"), workload);
    auto* ioLayout = new QVBoxLayout(ioBox);
    m_ioWaitBox = new QCheckBox(tr("Requests also wait on downstream services"), ioBox);
    m_ioWaitBox->setObjectName("io_wait");
    m_ioWaitBox->setToolTip(tr("Time a request spends waiting for a database or another API, "
                               "using no CPU. Functions still bill it; containers and VMs can "
                               "serve other requests meanwhile."));
    ioLayout->addWidget(m_ioWaitBox);
    m_ioWaitHolder = new QWidget(ioBox);
    auto* holderLayout = new QVBoxLayout(m_ioWaitHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    m_ioWait = new DistributionEditor(
        m_document, "/workload/io_wait_s",
        [this]() -> std::optional<DistributionSpec> {
            const auto& scenario = m_document->scenario();
            return scenario ? scenario->workload.ioWaitS : std::nullopt;
        },
        m_ioWaitHolder);
    holderLayout->addWidget(m_ioWait);
    ioLayout->addWidget(m_ioWaitHolder);
    workloadLayout->addWidget(ioBox);
    connect(m_ioWaitBox, &QCheckBox::clicked, this, [this](bool on) {
        const ScenarioDocument::Pointer where("/workload/io_wait_s");
        if (on) {
            m_document->setValue(where, Json{{"dist", "exponential"}, {"mean", 0.05}},
                                 tr("Add I/O wait"));
        } else {
            m_document->removeValue(where, tr("Remove I/O wait"));
        }
    });

    auto* functionBox = new QGroupBox(tr("Function"), workload);
    auto* functionForm = new QFormLayout(functionBox);
    addField(functionForm, "/workload/memory_mb", JsonField::Kind::Number, {}, functionBox);
    workloadLayout->addWidget(functionBox);
    workloadLayout->addStretch();
    m_workloadPage = scrollPage(workload);
    // The second tab shows the workload of a format-1 scenario or the
    // application of a format-2 one, so the architecture tabs keep their
    // places.
    m_application = new ApplicationEditor(m_document, this);
    m_secondPage = new QStackedWidget(this);
    m_secondPage->addWidget(m_workloadPage);
    m_secondPage->addWidget(m_application);
    m_tabs->addTab(m_secondPage, tr("Workload"));

    connect(m_tabs, &QTabWidget::currentChanged, this, &ScenarioEditor::updateActions);
    connect(m_document, &ScenarioDocument::changed, this, &ScenarioEditor::refresh);
    rebuildArchitectures();
    refresh();
}

QWidget* ScenarioEditor::scrollPage(QWidget* content) {
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

bool ScenarioEditor::showsApplication() const {
    const Json format = m_document->valueAt(ScenarioDocument::Pointer("/format"));
    return format.is_string() && format.get<std::string>() == ScenarioFormatV2;
}

int ScenarioEditor::architectureCount() const {
    const Json architectures = m_document->valueAt(ScenarioDocument::Pointer("/architectures"));
    return architectures.is_array() ? static_cast<int>(architectures.size()) : 0;
}

int ScenarioEditor::currentArchitecture() const {
    const int index = m_tabs->currentIndex() - FirstArchitectureTab;
    return index >= 0 && index < m_architectures.size() ? index : -1;
}

ArchitectureEditor* ScenarioEditor::architectureEditor(int index) const {
    return index >= 0 && index < m_architectures.size() ? m_architectures[index] : nullptr;
}

JsonField* ScenarioEditor::field(const QString& path) const {
    for (JsonField* field : findChildren<JsonField*>()) {
        if (QString::fromStdString(field->path()) == path) {
            return field;
        }
    }
    return nullptr;
}

void ScenarioEditor::rebuildArchitectures() {
    const int current = m_tabs->currentIndex();
    while (m_tabs->count() > FirstArchitectureTab) {
        QWidget* page = m_tabs->widget(FirstArchitectureTab);
        m_tabs->removeTab(FirstArchitectureTab);
        page->deleteLater();
    }
    m_architectures.clear();
    const int count = architectureCount();
    for (int i = 0; i < count; ++i) {
        auto* editor = new ArchitectureEditor(m_document, i, this);
        m_architectures.append(editor);
        m_tabs->addTab(scrollPage(editor), QString());
    }
    m_tabs->setCurrentIndex(std::min(current, m_tabs->count() - 1));
}

void ScenarioEditor::refresh() {
    if (architectureCount() != m_architectures.size()) {
        rebuildArchitectures();
    }
    for (JsonField* field : m_fields) {
        field->refresh();
    }
    m_arrivals->refresh();
    m_serviceTime->refresh();
    const bool ioWait =
        !m_document->valueAt(ScenarioDocument::Pointer("/workload/io_wait_s")).is_null();
    m_ioWaitBox->setChecked(ioWait);
    m_ioWaitHolder->setVisible(ioWait);
    m_ioWait->refresh();
    const bool application = showsApplication();
    // The application editor follows the document itself.
    m_secondPage->setCurrentWidget(application ? static_cast<QWidget*>(m_application)
                                               : m_workloadPage);
    for (ArchitectureEditor* editor : m_architectures) {
        editor->refresh();
    }
    refreshSectionProblems(this, *m_document);

    // Tab titles and marks: the architecture's name and chart colour, or a
    // warning sign where something inside needs fixing.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_tabs->setTabIcon(0, hasProblemInside(*m_document, "simulation") ||
                                  m_document->problemAt("name") != nullptr
                              ? warning
                              : QIcon());
    m_tabs->setTabText(1, application ? tr("Application") : tr("Workload"));
    m_tabs->setTabIcon(1, hasProblemInside(*m_document, application ? "application" : "workload")
                              ? warning
                              : QIcon());
    for (int i = 0; i < m_architectures.size(); ++i) {
        const Json name = m_document->valueAt(
            ScenarioDocument::Pointer("/architectures/" + std::to_string(i) + "/name"));
        const QString title = name.is_string() && !name.get<std::string>().empty()
                                  ? QString::fromStdString(name.get<std::string>())
                                  : tr("Architecture %1").arg(i + 1);
        const int tab = FirstArchitectureTab + i;
        m_tabs->setTabText(tab, title);
        m_tabs->setTabToolTip(tab, tr("Architecture %1: %2").arg(i + 1).arg(title));
        const bool problem =
            hasProblemInside(*m_document, "architectures[" + std::to_string(i) + "]");
        m_tabs->setTabIcon(tab, problem ? warning : colourSwatch(architectureColor(i)));
    }
    updateActions();
}

void ScenarioEditor::updateActions() {
    const int current = currentArchitecture();
    m_duplicateButton->setEnabled(current >= 0);
    m_removeButton->setEnabled(current >= 0 && m_architectures.size() > 1);
    m_leftButton->setEnabled(current > 0);
    m_rightButton->setEnabled(current >= 0 && current + 1 < m_architectures.size());
}

QString ScenarioEditor::uniqueName(const QString& base) const {
    QSet<QString> taken;
    const Json architectures = m_document->valueAt(ScenarioDocument::Pointer("/architectures"));
    if (architectures.is_array()) {
        for (const Json& a : architectures) {
            if (a.is_object() && a.contains("name") && a["name"].is_string()) {
                taken.insert(QString::fromStdString(a["name"].get<std::string>()));
            }
        }
    }
    if (!taken.contains(base)) {
        return base;
    }
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!taken.contains(candidate)) {
            return candidate;
        }
    }
}

void ScenarioEditor::addArchitecture(const QString& type) {
    const QString base = type == "container" ? tr("Containers")
                         : type == "vm"      ? tr("VMs")
                                             : tr("Functions");
    Json document = m_document->json();
    if (!document.contains("architectures") || !document["architectures"].is_array()) {
        document["architectures"] = Json::array();
    }
    document["architectures"].push_back(
        architectureTemplate(type.toStdString(), uniqueName(base).toStdString()));
    m_document->replaceDocument(document, tr("Add architecture"));
    m_tabs->setCurrentIndex(m_tabs->count() - 1);
}

void ScenarioEditor::duplicateArchitecture(int index) {
    Json document = m_document->json();
    if (index < 0 || index >= architectureCount()) {
        return;
    }
    Json copy = document["architectures"][static_cast<std::size_t>(index)];
    const QString name = copy.contains("name") && copy["name"].is_string()
                             ? QString::fromStdString(copy["name"].get<std::string>())
                             : tr("Architecture");
    copy["name"] = uniqueName(tr("%1 copy").arg(name)).toStdString();
    auto& list = document["architectures"];
    list.insert(list.begin() + index + 1, copy);
    m_document->replaceDocument(document, tr("Duplicate architecture"));
    m_tabs->setCurrentIndex(FirstArchitectureTab + index + 1);
}

void ScenarioEditor::removeArchitecture(int index) {
    if (index < 0 || index >= architectureCount()) {
        return;
    }
    Json document = m_document->json();
    auto& list = document["architectures"];
    list.erase(list.begin() + index);
    m_document->replaceDocument(document, tr("Remove architecture"));
    m_tabs->setCurrentIndex(FirstArchitectureTab + std::max(0, index - 1));
}

void ScenarioEditor::moveArchitecture(int from, int to) {
    const int count = architectureCount();
    if (from < 0 || from >= count || to < 0 || to >= count || from == to) {
        return;
    }
    Json document = m_document->json();
    auto& list = document["architectures"];
    Json moved = list[static_cast<std::size_t>(from)];
    list.erase(list.begin() + from);
    list.insert(list.begin() + to, moved);
    m_document->replaceDocument(document, tr("Move architecture"));
    // Same count, so the editors stayed; they show the new order already.
    m_tabs->setCurrentIndex(FirstArchitectureTab + to);
}

void ScenarioEditor::focusPath(const QString& path) {
    // The widget showing the deepest part of the path: its field, or the
    // composite editor or section that shows its message.
    const std::string target = path.toStdString();
    // A function, trigger or edge: its row in the Application tab; a
    // function's service-time fields, shown for the selected row, are then
    // found the generic way.
    if (showsApplication() && m_application->focusPath(target)) {
        m_tabs->setCurrentIndex(1);
        if (target.find(".service_time_s") == std::string::npos) {
            return;
        }
    }
    QWidget* best = nullptr;
    std::size_t bestLength = 0;
    for (QWidget* widget : findChildren<QWidget*>()) {
        const auto shown = problemPathOf(widget);
        if (shown && isInside(target, *shown) && (best == nullptr || shown->size() > bestLength)) {
            best = widget;
            bestLength = shown->size();
        }
    }
    if (best == nullptr) {
        return;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(best)) {
            m_tabs->setCurrentIndex(i);
            if (auto* scroll = qobject_cast<QScrollArea*>(m_tabs->widget(i))) {
                scroll->ensureWidgetVisible(best);
            }
            break;
        }
    }
    QWidget* focus = best;
    if (auto* field = qobject_cast<JsonField*>(best)) {
        focus = field->input();
    }
    focus->setFocus(Qt::OtherFocusReason);
}

} // namespace faaslab::gui
