#include "overview_tab.h"

#include "chart_style.h"
#include "models/results/comparison_table.h"
#include "models/results/metric_keys.h"
#include "models/results/ranking.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

namespace faaslab::gui {

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

// The rows of a card: label, metric key, formatter.
struct CardRow {
    const char* label;
    std::string_view key;
    std::string (*format)(double);
};

std::string formatInstances(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

} // namespace

OverviewTab::OverviewTab(QWidget* parent)
    : ResultsTab(parent) {
    auto* outer = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName("overviewSummary");
    outer->addWidget(m_summary);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    m_grid = new QGridLayout(inner);
    m_grid->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);
    clearResults();
}

void OverviewTab::clearResults() {
    for (QWidget* card : m_cards) {
        card->deleteLater();
    }
    m_cards.clear();
    m_summary->setText(tr("Press Run (Ctrl+R) to simulate the scenario. Each architecture gets "
                          "a card here with its cost, latency, cold starts and instances."));
}

QWidget* OverviewTab::makeCard(const ArchitectureResults& a, int index, bool cheapest, bool fastest,
                               const QString& windowLabel) {
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card-%1").arg(index));
    card->setFrameShape(QFrame::StyledPanel);
    card->setMinimumWidth(250);
    const QColor color = architectureColor(index);
    // Palettes and a plain colour strip, not style sheets: a style sheet per
    // card made building the overview the slowest step of showing results.
    auto* outer = new QVBoxLayout(card);
    outer->setContentsMargins(1, 1, 1, 1);
    outer->setSpacing(0);
    auto* strip = new QWidget(card);
    strip->setObjectName("strip");
    strip->setFixedHeight(4);
    strip->setAutoFillBackground(true);
    QPalette stripPalette = strip->palette();
    stripPalette.setColor(QPalette::Window, color);
    strip->setPalette(stripPalette);
    outer->addWidget(strip);
    auto* layout = new QGridLayout;
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setVerticalSpacing(4);
    outer->addLayout(layout);
    auto* name = new QLabel(QStringLiteral("<b>%1</b>").arg(text(a.name).toHtmlEscaped()), card);
    layout->addWidget(name, 0, 0, 1, 2);
    auto* type = new QLabel(text(a.type), card);
    type->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(type, 1, 0);
    QStringList badges;
    if (cheapest) {
        badges << tr("cheapest");
    }
    if (fastest) {
        badges << tr("fastest");
    }
    auto* badge = new QLabel(badges.join(", "), card);
    badge->setObjectName("badge");
    badge->setAlignment(Qt::AlignRight);
    QPalette badgePalette = badge->palette();
    badgePalette.setColor(QPalette::WindowText, color);
    badge->setPalette(badgePalette);
    QFont bold = badge->font();
    bold.setBold(true);
    badge->setFont(bold);
    layout->addWidget(badge, 1, 1);

    using namespace metric;
    const CardRow rows[] = {
        {"Cost, window", CostTotal, formatMoney},
        {"Cost per 30 days", CostMonthly, formatMoney},
        {"Cost per 1M requests", CostPerMillion, formatMoney},
        {"Latency p50", LatencyP50, formatSeconds},
        {"Latency p95", LatencyP95, formatSeconds},
        {"Latency p99", LatencyP99, formatSeconds},
        {"Cold starts", ColdStartProbability, formatPercent},
        {"Rejected", RejectionProbability, formatPercent},
        {"Instances (mean)", InstancesMean, formatInstances},
        {"Idle memory per request", IdleMemoryGbSPerRequest, formatGbSeconds},
    };
    int row = 2;
    for (const CardRow& r : rows) {
        if (!a.mean.contains(r.key)) {
            continue; // a serverless-only metric on a container or VM card
        }
        QString label = tr(r.label);
        if (r.key == CostTotal) {
            label = tr("Cost, %1").arg(windowLabel);
        }
        auto* key = new QLabel(label, card);
        const MetricInfo* info = findMetric(r.key);
        if (info != nullptr) {
            key->setToolTip(
                QString::fromUtf8(info->meaning.data(), qsizetype(info->meaning.size())));
        }
        QString value = text(r.format(a.mean.value(r.key)));
        if (const auto ci = a.ci95.find(r.key)) {
            value += QStringLiteral(" ± ") + text(r.format(*ci));
        }
        auto* valueLabel = new QLabel(value, card);
        valueLabel->setObjectName(QStringLiteral("value-") +
                                  QString::fromUtf8(r.key.data(), qsizetype(r.key.size())));
        valueLabel->setAlignment(Qt::AlignRight);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(key, row, 0);
        layout->addWidget(valueLabel, row, 1);
        ++row;
    }
    return card;
}

void OverviewTab::showResults(const ScenarioResults& results) {
    clearResults();
    const auto& archs = results.architectures;
    if (archs.empty()) {
        return;
    }
    const std::size_t cheapest = cheapestArchitecture(results);
    const std::vector<std::size_t> fastest = fastestArchitectures(results);
    const QString windowLabel = text(formatSpan(results.durationS - results.warmupS));
    const int columns = archs.size() > 4 ? 3 : std::max<int>(1, static_cast<int>(archs.size()));
    for (int i = 0; i < static_cast<int>(archs.size()); ++i) {
        const auto index = static_cast<std::size_t>(i);
        const bool isFastest = std::find(fastest.begin(), fastest.end(), index) != fastest.end();
        QWidget* card = makeCard(archs[index], i, index == cheapest, isFastest, windowLabel);
        m_grid->addWidget(card, i / columns, i % columns);
        m_cards.append(card);
    }
    const QString warmup = results.warmupS > 0.0
                               ? tr(" (after %1 warm-up)").arg(text(formatSpan(results.warmupS)))
                               : QString();
    m_summary->setText(
        tr("<b>%1</b>: %2 simulated%3, seed %4, %5. Cheapest per 30 days: <b>%6</b>.")
            .arg(text(results.scenarioName).toHtmlEscaped(), windowLabel, warmup)
            .arg(results.seed)
            .arg(results.replications == 1
                     ? tr("1 replication")
                     : tr("%1 replications, ± 95 % confidence").arg(results.replications))
            .arg(text(archs[cheapest].name).toHtmlEscaped()));
}

QString OverviewTab::valueText(int architecture, const QString& metricKey) const {
    if (architecture < 0 || architecture >= m_cards.size()) {
        return {};
    }
    const auto* label = m_cards[architecture]->findChild<QLabel*>("value-" + metricKey);
    return label != nullptr ? label->text() : QString();
}

QString OverviewTab::badgeText(int architecture) const {
    if (architecture < 0 || architecture >= m_cards.size()) {
        return {};
    }
    return m_cards[architecture]->findChild<QLabel*>("badge")->text();
}

} // namespace faaslab::gui
