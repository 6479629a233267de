#pragma once

#include "app/gui/document/scenario_document.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QVBoxLayout;

namespace faaslab::gui {

class DistributionEditor;
class JsonField;
class PricingEditor;

// The form for one architecture (architectures[i]): its name and type and
// the settings of that type: the cold start and keep-alive of functions,
// the concurrency and autoscaler of containers, the fleet, dispatch and
// autoscaling group of VMs, and the price list.
//
// Changing the type starts from that type's template (keeping the name),
// since the settings of one type mean nothing to another.
class ArchitectureEditor : public QWidget {
    Q_OBJECT

public:
    ArchitectureEditor(ScenarioDocument* document, int index, QWidget* parent = nullptr);

    int index() const { return m_index; }
    void refresh();
    QComboBox* typeBox() const { return m_type; }
    QCheckBox* autoscalingBox() const { return m_autoscaling; }
    PricingEditor* pricingEditor() const { return m_pricing; }

private:
    void rebuild();
    std::string pointer(const std::string& key = {}) const;
    std::string typeInDocument() const;
    std::string policyInDocument() const;
    bool hasMember(const char* key) const;

    ScenarioDocument* m_document;
    int m_index;
    QVBoxLayout* m_layout;
    QWidget* m_body = nullptr;
    QComboBox* m_type = nullptr;
    QCheckBox* m_autoscaling = nullptr;
    PricingEditor* m_pricing = nullptr;
    QList<JsonField*> m_fields;
    QList<DistributionEditor*> m_distributions;
    std::string m_builtType;
    bool m_builtAutoscaling = false;
    bool m_builtHybrid = false;
};

} // namespace faaslab::gui
