#include "app/gui/application/application_editor.h"

#include "app/gui/application/application_graph_view.h"
#include "app/gui/application/json_item_editor.h"
#include "app/gui/document/problem_labels.h"
#include "app/gui/editor/distribution_editor.h"
#include "app/gui/results/record_table.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace faaslab::gui {

using Json = ScenarioDocument::Json;

namespace {

int pageIndex(ApplicationPartModel::Part part) {
    return static_cast<int>(part);
}

ApplicationPartModel::Part partOf(ApplicationPart::Kind kind) {
    switch (kind) {
    case ApplicationPart::Kind::Trigger:
        return ApplicationPartModel::Part::Triggers;
    case ApplicationPart::Kind::Edge:
        return ApplicationPartModel::Part::Edges;
    default:
        return ApplicationPartModel::Part::Functions;
    }
}

ApplicationPart::Kind kindOf(ApplicationPartModel::Part part) {
    switch (part) {
    case ApplicationPartModel::Part::Triggers:
        return ApplicationPart::Kind::Trigger;
    case ApplicationPartModel::Part::Edges:
        return ApplicationPart::Kind::Edge;
    case ApplicationPartModel::Part::Functions:
        break;
    }
    return ApplicationPart::Kind::Function;
}

const char* listKey(ApplicationPartModel::Part part) {
    switch (part) {
    case ApplicationPartModel::Part::Triggers:
        return "triggers";
    case ApplicationPartModel::Part::Edges:
        return "edges";
    case ApplicationPartModel::Part::Functions:
        break;
    }
    return "functions";
}

} // namespace

ApplicationEditor::ApplicationEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_graph(new ApplicationGraphView(m_splitter))
    , m_partTabs(new QTabWidget(m_splitter)) {
    setObjectName("applicationEditor");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* problems = createErrorLabel(this);
    problems->setContentsMargins(6, 0, 6, 0);
    setSectionProblems(problems, "application");
    layout->addWidget(problems);

    m_partTabs->setObjectName("applicationParts");
    m_partTabs->setDocumentMode(true);
    for (Part part : {Part::Functions, Part::Triggers, Part::Edges}) {
        m_partTabs->addTab(buildPage(part), QString());
    }
    m_splitter->addWidget(m_graph);
    m_splitter->addWidget(m_partTabs);
    m_splitter->setChildrenCollapsible(false);
    // The graph gets the larger share: the tables scroll, the graph shrinks.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_graph, &ApplicationGraphView::partClicked, this, [this](const ApplicationPart& part) {
        if (part.kind != ApplicationPart::Kind::None) {
            selectPart(part);
        }
    });
    connect(m_document, &ScenarioDocument::changed, this, &ApplicationEditor::refresh);
    connect(m_document, &ScenarioDocument::filePathChanged, this, [this] {
        // Another scenario: the last valid graph was that one's.
        m_lastValid.reset();
        refresh();
    });
    connect(m_document, &ScenarioDocument::loaded, this, [this] {
        // Nothing of the new scenario is selected yet: no row, no
        // highlighted box left over from the previous file.
        for (Part part : {Part::Functions, Part::Triggers, Part::Edges}) {
            PartPage& p = page(part);
            p.view->selectionModel()->clear();
            rowChanged(part, -1);
        }
        m_graph->setSelectedPart({});
    });
    refresh();
}

void ApplicationEditor::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // In a wide dock (or undocked) the graph goes beside the forms, where it
    // can run left to right; in the default narrow dock above them.
    const Qt::Orientation wanted =
        width() >= 900 && width() > height() * 1.3 ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != wanted) {
        m_splitter->setOrientation(wanted);
    }
}

QWidget* ApplicationEditor::buildPage(Part part) {
    PartPage& p = page(part);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    p.model = new ApplicationPartModel(m_document, part, this);
    p.view = makeRecordTable(p.model, content);
    p.view->setObjectName(QStringLiteral("%1Table").arg(listKey(part)));
    p.view->setSelectionMode(QAbstractItemView::SingleSelection);
    p.view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    p.view->setMinimumHeight(6 * p.view->verticalHeader()->defaultSectionSize());
    p.view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    p.view->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QHBoxLayout;
    auto* add = new QToolButton(content);
    add->setAutoRaise(true);
    add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    p.remove = new QToolButton(content);
    p.remove->setAutoRaise(true);
    p.remove->setText(tr("Remove"));
    p.remove->setToolTip(tr("Remove the selected item (Undo brings it back)"));
    p.remove->setEnabled(false);
    switch (part) {
    case Part::Functions:
        add->setText(tr("Add function"));
        break;
    case Part::Triggers:
        add->setText(tr("Add trigger"));
        break;
    case Part::Edges:
        add->setText(tr("Add edge"));
        break;
    }
    buttons->addWidget(add);
    buttons->addWidget(p.remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(p.view, 1);
    auto* problems = createErrorLabel(content);
    setSectionProblems(problems, std::string("application.") + listKey(part));
    layout->addWidget(problems);
    connect(add, &QToolButton::clicked, this, [this, part] { addPart(part); });
    connect(p.remove, &QToolButton::clicked, this, [this, part] { removeSelected(part); });
    connect(p.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, part](const QModelIndex& current) {
                rowChanged(part, current.isValid() ? current.row() : -1);
            });

    if (part == Part::Functions) {
        p.view->setToolTip(tr("Double-click a cell to edit it. Renaming a function renames it in "
                              "the triggers and edges too."));
        m_serviceBox = new QGroupBox(tr("Service time"), content);
        m_serviceLayout = new QVBoxLayout(m_serviceBox);
        m_serviceBox->setVisible(false);
        layout->addWidget(m_serviceBox);
    } else {
        p.json = new JsonItemEditor(m_document, content);
        p.json->setObjectName(QStringLiteral("%1Json").arg(listKey(part)));
        layout->addWidget(p.json, 1);
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

ApplicationEditor::PartPage& ApplicationEditor::page(Part part) {
    return m_pages[pageIndex(part)];
}

const ApplicationEditor::PartPage& ApplicationEditor::page(Part part) const {
    return m_pages[pageIndex(part)];
}

QTableView* ApplicationEditor::partView(Part part) const {
    return page(part).view;
}

ApplicationPartModel* ApplicationEditor::partModel(Part part) const {
    return page(part).model;
}

JsonItemEditor* ApplicationEditor::itemEditor(Part part) const {
    return page(part).json;
}

void ApplicationEditor::refresh() {
    for (Part part : {Part::Functions, Part::Triggers, Part::Edges}) {
        PartPage& p = page(part);
        const int before = p.view->currentIndex().isValid() ? p.view->currentIndex().row() : -1;
        const int rowsBefore = p.model->rowCount();
        p.model->refresh();
        const int rows = p.model->rowCount();
        if (rows != rowsBefore && before >= 0) {
            // A reset forgets the selection; keep the same row (or the last).
            const int row = std::min(before, rows - 1);
            if (row >= 0) {
                p.view->setCurrentIndex(p.model->index(row, 0));
            } else {
                rowChanged(part, -1);
            }
        }
        const std::string path = std::string("application.") + listKey(part);
        bool problem = false;
        for (const Diagnostic& d : m_document->diagnostics().items()) {
            problem = problem || isInside(d.path, path);
        }
        const QString titles[] = {tr("Functions (%1)"), tr("Triggers (%1)"), tr("Edges (%1)")};
        m_partTabs->setTabText(pageIndex(part), titles[pageIndex(part)].arg(rows));
        m_partTabs->setTabIcon(pageIndex(part),
                               problem ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                       : QIcon());
        if (p.json != nullptr) {
            p.json->refresh();
        }
    }
    updateServiceTime();

    const auto& scenario = m_document->scenario();
    if (scenario && scenario->application) {
        m_lastValid = *scenario->application;
        m_graph->setApplication(*m_lastValid, true);
    } else if (m_lastValid) {
        m_graph->setApplication(*m_lastValid, false);
    } else {
        m_graph->clear();
    }
}

void ApplicationEditor::rowChanged(Part part, int row) {
    PartPage& p = page(part);
    p.remove->setEnabled(row >= 0);
    if (row >= 0) {
        m_graph->setSelectedPart({kindOf(part), row});
    }
    if (part == Part::Functions) {
        showServiceTime(row);
    } else {
        const QString what =
            part == Part::Triggers ? tr("trigger %1").arg(row + 1) : tr("edge %1").arg(row + 1);
        p.json->setPointer(row >= 0 ? p.model->rowPointer(row) : std::string(), what);
    }
}

void ApplicationEditor::showServiceTime(int row) {
    if (row == m_serviceRow && m_serviceTime != nullptr) {
        return;
    }
    if (m_serviceTime != nullptr) {
        m_serviceTime->deleteLater();
        m_serviceTime = nullptr;
    }
    m_serviceRow = row;
    m_serviceBox->setVisible(row >= 0);
    if (row < 0) {
        return;
    }
    m_serviceTime = new DistributionEditor(
        m_document, page(Part::Functions).model->rowPointer(row) + "/service_time_s",
        [this, row]() -> std::optional<DistributionSpec> {
            const auto& scenario = m_document->scenario();
            if (scenario && scenario->application &&
                row < static_cast<int>(scenario->application->functions.size())) {
                return scenario->application->functions[static_cast<std::size_t>(row)].serviceTimeS;
            }
            return std::nullopt;
        },
        m_serviceBox);
    m_serviceLayout->addWidget(m_serviceTime);
    updateServiceTime();
}

void ApplicationEditor::updateServiceTime() {
    if (m_serviceTime == nullptr) {
        return;
    }
    m_serviceTime->refresh();
    const Json name = m_document->valueAt(
        ScenarioDocument::Pointer(page(Part::Functions).model->rowPointer(m_serviceRow) + "/name"));
    m_serviceBox->setTitle(tr("Service time of %1 (CPU time per invocation)")
                               .arg(name.is_string()
                                        ? QString::fromStdString(name.get<std::string>())
                                        : tr("function %1").arg(m_serviceRow + 1)));
}

void ApplicationEditor::selectPart(const ApplicationPart& part) {
    if (part.kind == ApplicationPart::Kind::None) {
        return;
    }
    const Part which = partOf(part.kind);
    PartPage& p = page(which);
    if (part.index < 0 || part.index >= p.model->rowCount()) {
        return;
    }
    m_partTabs->setCurrentIndex(pageIndex(which));
    p.view->setCurrentIndex(p.model->index(part.index, 0));
    p.view->scrollTo(p.model->index(part.index, 0));
    m_graph->setSelectedPart(part);
}

ApplicationPart ApplicationEditor::selectedPart() const {
    const Part which = static_cast<Part>(m_partTabs->currentIndex());
    const QModelIndex current = page(which).view->currentIndex();
    if (!current.isValid()) {
        return {};
    }
    return {kindOf(which), current.row()};
}

bool ApplicationEditor::focusPath(const std::string& path) {
    for (Part part : {Part::Functions, Part::Triggers, Part::Edges}) {
        const std::string prefix = std::string("application.") + listKey(part) + "[";
        if (path.rfind(prefix, 0) != 0) {
            continue;
        }
        const std::size_t close = path.find(']', prefix.size());
        const std::string digits = path.substr(prefix.size(), close - prefix.size());
        if (close == std::string::npos || digits.empty() || digits.size() > 6 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
            return false;
        }
        const int row = std::stoi(digits);
        if (row >= page(part).model->rowCount()) {
            return false;
        }
        selectPart({kindOf(part), row});
        page(part).view->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

QString ApplicationEditor::uniqueName(Part part, const QString& base) const {
    QSet<QString> taken;
    const Json list = m_document->valueAt(
        ScenarioDocument::Pointer(std::string("/application/") + listKey(part)));
    if (list.is_array()) {
        for (const Json& item : list) {
            if (item.is_object() && item.contains("name") && item["name"].is_string()) {
                taken.insert(QString::fromStdString(item["name"].get<std::string>()));
            }
        }
    }
    for (int n = 1;; ++n) {
        const QString candidate = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!taken.contains(candidate)) {
            return candidate;
        }
    }
}

void ApplicationEditor::addPart(Part part) {
    Json document = m_document->json();
    Json& application = document["application"];
    if (!application.is_object()) {
        application = Json::object();
    }
    Json& list = application[listKey(part)];
    if (!list.is_array()) {
        list = Json::array();
    }
    // References name existing functions where there are some; the reader
    // says what is missing otherwise.
    auto functionName = [&](int index) -> Json {
        const Json& functions = application["functions"];
        if (functions.is_array() && !functions.empty()) {
            const std::size_t at =
                std::min(static_cast<std::size_t>(std::max(index, 0)), functions.size() - 1);
            if (functions[at].is_object() && functions[at].contains("name")) {
                return functions[at]["name"];
            }
        }
        return "";
    };
    Json item;
    QString what;
    switch (part) {
    case Part::Functions:
        item = {{"name", uniqueName(part, "function").toStdString()},
                {"service_time_s", {{"dist", "exponential"}, {"mean", 0.2}}},
                {"memory_mb", 512}};
        what = tr("Add function");
        break;
    case Part::Triggers:
        item = {{"name", uniqueName(part, "trigger").toStdString()},
                {"type", "http"},
                {"function", functionName(0)},
                {"arrivals", {{"process", "poisson"}, {"rate_per_s", 1}}}};
        what = tr("Add trigger");
        break;
    case Part::Edges: {
        const QModelIndex selected = page(Part::Functions).view->currentIndex();
        const int from = selected.isValid() ? selected.row() : 0;
        item = {{"type", "chain"},
                {"from", functionName(from)},
                {"to", functionName(from + 1)},
                {"invocation", "sync"}};
        what = tr("Add edge");
        break;
    }
    }
    list.push_back(item);
    const int row = static_cast<int>(list.size()) - 1;
    m_document->replaceDocument(document, what);
    selectPart({kindOf(part), row});
}

void ApplicationEditor::removeSelected(Part part) {
    const QModelIndex current = page(part).view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    Json document = m_document->json();
    Json& list = document["application"][listKey(part)];
    if (!list.is_array() || current.row() >= static_cast<int>(list.size())) {
        return;
    }
    list.erase(list.begin() + current.row());
    m_document->replaceDocument(document, part == Part::Functions  ? tr("Remove function")
                                          : part == Part::Triggers ? tr("Remove trigger")
                                                                   : tr("Remove edge"));
}

} // namespace faaslab::gui
