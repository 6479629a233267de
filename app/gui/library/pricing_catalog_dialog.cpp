#include "app/gui/library/pricing_catalog_dialog.h"

#include "app/gui/library/pricing_preset_model.h"
#include "app/gui/library/pricing_rate_model.h"
#include "app/gui/library/workspace_session.h"
#include "app/gui/results/record_table.h"
#include "app/workspace/pricing_catalog_store.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace faaslab::gui {

PricingCatalogDialog::PricingCatalogDialog(WorkspaceSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_presets(new PricingPresetModel(this))
    , m_rates(new PricingRateModel(this))
    , m_title(new QLabel(this))
    , m_source(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_problem(new QLabel(this)) {
    setObjectName("pricingCatalogDialog");
    setWindowTitle(tr("Pricing Catalog"));
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);

    m_presetView = makeRecordTable(m_presets, splitter);
    m_presetView->setObjectName("presetTable");
    m_presetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_presetView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_presetView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_presetView->horizontalHeader()->setStretchLastSection(false);
    splitter->addWidget(m_presetView);

    auto* details = new QWidget(splitter);
    auto* detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(8, 0, 0, 0);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_source->setTextFormat(Qt::RichText);
    m_source->setOpenExternalLinks(true);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setMaximumHeight(m_notes->fontMetrics().height() * 7);
    m_notes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_rateView = makeRecordTable(m_rates, details);
    m_rateView->setObjectName("rateTable");
    m_rateView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rateView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::EditKeyPressed |
                                QAbstractItemView::AnyKeyPressed);
    m_rateView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet("color: #b00020");
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_source);
    detailLayout->addWidget(m_notes);
    detailLayout->addWidget(m_rateView, 1);
    detailLayout->addWidget(m_problem);
    auto* editButtons = new QHBoxLayout;
    m_save = new QPushButton(tr("Save Changes"), details);
    m_discard = new QPushButton(tr("Discard"), details);
    m_revert = new QPushButton(tr("Revert to Built-in"), details);
    editButtons->addWidget(m_save);
    editButtons->addWidget(m_discard);
    editButtons->addStretch(1);
    editButtons->addWidget(m_revert);
    detailLayout->addLayout(editButtons);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 520});
    layout->addWidget(splitter, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("Copy…"), QDialogButtonBox::ActionRole);
    m_delete = buttons->addButton(tr("Delete…"), QDialogButtonBox::ActionRole);
    QPushButton* importButton = buttons->addButton(tr("Import…"), QDialogButtonBox::ActionRole);
    QPushButton* exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_presetView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PricingCatalogDialog::showPreset);
    connect(m_rates, &PricingRateModel::rejected, m_problem, &QLabel::setText);
    connect(m_rates, &PricingRateModel::edited, this, [this] {
        m_problem->clear();
        updateButtons();
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        QString error;
        if (!saveChanges(&error)) {
            m_problem->setText(error);
        }
    });
    connect(m_discard, &QPushButton::clicked, this, &PricingCatalogDialog::showPreset);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        const QString id = selectedPreset();
        QString error;
        if (QMessageBox::question(this, tr("Revert Preset"),
                                  tr("Put the shipped rates of %1 back? Your edits to it are "
                                     "lost.")
                                      .arg(id)) == QMessageBox::Yes &&
            !workspace::PricingCatalogStore(m_session->workspace()).revert(id, &error)) {
            m_problem->setText(error);
        }
        m_session->notifyChanged();
        reload();
        selectPreset(id);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString id = selectedPreset();
        const QString newId = QInputDialog::getText(this, tr("Copy Preset"),
                                                    tr("Name of the copy (lower case, digits, "
                                                       "'-'):"),
                                                    QLineEdit::Normal, id + "-custom", &ok);
        QString error;
        if (ok && !copyPreset(id, newId.trimmed(), &error)) {
            m_problem->setText(error);
        }
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString id = selectedPreset();
        QString error;
        if (QMessageBox::question(this, tr("Delete Preset"),
                                  tr("Delete the preset %1? Scenarios that name it will not run "
                                     "until it is imported again.")
                                      .arg(id)) != QMessageBox::Yes) {
            return;
        }
        if (!workspace::PricingCatalogStore(m_session->workspace()).remove(id, &error)) {
            m_problem->setText(error);
            return;
        }
        m_session->notifyChanged();
        reload();
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Pricing"), QString(),
                                                          tr("JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !importFile(path, &error)) {
            QMessageBox::warning(this, tr("Import Pricing"), error);
        }
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Pricing Catalog"), "pricing-catalog.json", tr("JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !exportFile(path, &error)) {
            QMessageBox::warning(this, tr("Export Pricing Catalog"), error);
        }
    });
    reload();
    if (m_presets->rowCount() > 0) {
        m_presetView->selectRow(0);
    }
    resize(1300, 640);
}

void PricingCatalogDialog::reload() {
    QString error;
    const QString current = selectedPreset();
    m_presets->setPresets(workspace::PricingCatalogStore(m_session->workspace())
                              .list(&error)
                              .value_or(std::vector<workspace::StoredPreset>{}));
    if (!error.isEmpty()) {
        m_problem->setText(error);
    }
    selectPreset(current);
}

void PricingCatalogDialog::selectPreset(const QString& id) {
    const int row = m_presets->rowOf(id);
    if (row >= 0) {
        m_presetView->selectRow(row);
    }
    showPreset();
}

QString PricingCatalogDialog::selectedPreset() const {
    const QModelIndexList rows = m_presetView->selectionModel()->selectedRows();
    const auto* p = rows.isEmpty() ? nullptr : m_presets->presetAt(rows.front().row());
    return p != nullptr ? p->id : QString();
}

void PricingCatalogDialog::showPreset() {
    const auto* p = m_presets->presetAt(m_presets->rowOf(selectedPreset()));
    m_problem->clear();
    if (p == nullptr) {
        m_title->clear();
        m_source->clear();
        m_notes->clear();
        m_rates->setDocument(nlohmann::ordered_json::object());
        updateButtons();
        return;
    }
    m_title->setText(QStringLiteral("<b>%1</b><br>%2 · %3 · %4")
                         .arg(p->id.toHtmlEscaped(), p->product.toHtmlEscaped(),
                              p->region.toHtmlEscaped(),
                              PricingPresetModel::originText(*p).toHtmlEscaped()));
    m_source->setText(tr("Source: <a href=\"%1\">%1</a>, rates as of %2")
                          .arg(p->sourceUrl.toHtmlEscaped(), p->asOf.toHtmlEscaped()));
    m_notes->setText(QString::fromStdString(p->document.value("notes", "")));
    m_rates->setDocument(p->document);
    updateButtons();
}

void PricingCatalogDialog::updateButtons() {
    const auto* p = m_presets->presetAt(m_presets->rowOf(selectedPreset()));
    m_save->setEnabled(p != nullptr && m_rates->isModified());
    m_discard->setEnabled(p != nullptr && m_rates->isModified());
    m_revert->setEnabled(p != nullptr && p->builtin && p->edited);
    m_delete->setEnabled(p != nullptr && !p->builtin);
    m_copy->setEnabled(p != nullptr);
}

bool PricingCatalogDialog::saveChanges(QString* error) {
    const QString id = selectedPreset();
    if (!workspace::PricingCatalogStore(m_session->workspace()).save(m_rates->document(), error)) {
        return false;
    }
    m_session->notifyChanged();
    reload();
    selectPreset(id);
    return true;
}

bool PricingCatalogDialog::copyPreset(const QString& id, const QString& newId, QString* error) {
    if (!workspace::PricingCatalogStore(m_session->workspace()).copy(id, newId, error)) {
        return false;
    }
    m_session->notifyChanged();
    reload();
    selectPreset(newId);
    return true;
}

bool PricingCatalogDialog::importFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const auto ids = workspace::PricingCatalogStore(m_session->workspace())
                         .importJson(file.readAll().toStdString(), error);
    if (!ids) {
        *error = path + ": " + *error;
        return false;
    }
    m_session->notifyChanged();
    reload();
    if (!ids->isEmpty()) {
        selectPreset(ids->front());
    }
    return true;
}

bool PricingCatalogDialog::exportFile(const QString& path, QString* error) {
    const auto text = workspace::PricingCatalogStore(m_session->workspace()).exportJson({}, error);
    if (!text) {
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text->data(), static_cast<qint64>(text->size())) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace faaslab::gui
