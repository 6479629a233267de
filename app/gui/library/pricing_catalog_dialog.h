#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace faaslab::gui {

class PricingPresetModel;
class PricingRateModel;
class WorkspaceSession;

// The workspace's pricing catalog: every preset with where it comes from
// (source URL, as-of date, notes, built-in or user), its rates editable
// with validation, copy, delete or revert, and import/export as JSON.
class PricingCatalogDialog : public QDialog {
    Q_OBJECT

public:
    explicit PricingCatalogDialog(WorkspaceSession* session, QWidget* parent = nullptr);

    QTableView* presetView() const { return m_presetView; }
    QTableView* rateView() const { return m_rateView; }
    PricingPresetModel* presetModel() const { return m_presets; }
    PricingRateModel* rateModel() const { return m_rates; }
    QLabel* problemLabel() const { return m_problem; }
    QLabel* sourceLabel() const { return m_source; }

    void selectPreset(const QString& id);
    QString selectedPreset() const;
    // The button actions without their file and name dialogs.
    bool saveChanges(QString* error);
    bool copyPreset(const QString& id, const QString& newId, QString* error);
    bool importFile(const QString& path, QString* error);
    bool exportFile(const QString& path, QString* error);

private:
    void reload();
    void showPreset();
    void updateButtons();

    WorkspaceSession* m_session;
    PricingPresetModel* m_presets;
    PricingRateModel* m_rates;
    QTableView* m_presetView;
    QTableView* m_rateView;
    QLabel* m_title;
    QLabel* m_source;
    QLabel* m_notes;
    QLabel* m_problem;
    QPushButton* m_save;
    QPushButton* m_discard;
    QPushButton* m_copy;
    QPushButton* m_delete;
    QPushButton* m_revert;
};

} // namespace faaslab::gui
