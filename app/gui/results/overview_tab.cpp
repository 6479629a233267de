#include "app/gui/results/overview_tab.h"

#include "app/gui/results/chart_style.h"
#include "models/report/comparison_table.h"
#include "models/results/metric_keys.h"

#include <QEvent>
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

// The table's label without its indent; a detail row ("  timed out") is
// indented on the card instead.
QString shownLabel(const std::string& label) {
    return text(label).trimmed();
}

constexpr int CardSpacing = 10;

} // namespace

OverviewTab::OverviewTab(QWidget* parent)
    : ResultsTab(parent) {
    auto* outer = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName("overviewSummary");
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_summary);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName("overviewScroll");
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(m_scroll);
    inner->setObjectName("overviewCards");
    m_grid = new QGridLayout(inner);
    m_grid->setAlignment(Qt::AlignTop);
    m_grid->setSpacing(CardSpacing);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidget(inner);
    m_scroll->viewport()->installEventFilter(this);
    outer->addWidget(m_scroll, 1);
    clearResults();
}

void OverviewTab::clearResults() {
    for (QFrame* card : m_cards) {
        m_grid->removeWidget(card);
        card->deleteLater();
    }
    m_cards.clear();
    m_columns = 0;
    m_summary->setText(runHint() + QLatin1Char(' ') +
                       tr("Each architecture gets "
                          "a card here with its requests, latency, instances and cost."));
}

QFrame* OverviewTab::makeCard(const ScenarioResults& results,
                              const std::vector<ComparisonRow>& rows, int index) {
    const auto architecture = static_cast<std::size_t>(index);
    const ArchitectureResults& a = results.architectures[architecture];
    auto* card = new QFrame(m_scroll->widget());
    card->setObjectName(QStringLiteral("card-%1").arg(index));
    card->setFrameShape(QFrame::StyledPanel);
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

    auto* body = new QWidget(card);
    body->setObjectName("body");
    auto* layout = new QGridLayout(body);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setVerticalSpacing(3);
    layout->setHorizontalSpacing(12);
    outer->addWidget(body);
    int row = 0;
    // Long names wrap; the whole name is also the tooltip.
    auto* name = new QLabel(QStringLiteral("<b>%1</b>").arg(text(a.name).toHtmlEscaped()), body);
    name->setObjectName("name");
    name->setWordWrap(true);
    name->setToolTip(text(a.name));
    layout->addWidget(name, row++, 0, 1, 2);

    QStringList badges;
    for (const std::string& b : architectureBadges(results, architecture)) {
        badges << text(b);
    }
    auto* badge = new QLabel(badges.join(QStringLiteral(", ")), body);
    badge->setObjectName("badge");
    badge->setWordWrap(true);
    QPalette badgePalette = badge->palette();
    badgePalette.setColor(QPalette::WindowText, color);
    badge->setPalette(badgePalette);
    QFont bold = badge->font();
    bold.setBold(true);
    badge->setFont(bold);
    badge->setVisible(!badges.isEmpty());
    layout->addWidget(badge, row++, 0, 1, 2);

    const std::string reason = notRankedReason(results, architecture);
    auto* why =
        new QLabel(reason.empty() ? QString() : tr("Not ranked: %1.").arg(text(reason)), body);
    why->setObjectName("notRanked");
    why->setWordWrap(true);
    why->setVisible(!reason.empty());
    layout->addWidget(why, row++, 0, 1, 2);

    for (const ComparisonRow& r : rows) {
        auto* key = new QLabel(shownLabel(r.label), body);
        key->setObjectName("label");
        key->setProperty("tableLabel", text(r.label));
        key->setWordWrap(true);
        if (r.label.starts_with("  ")) {
            key->setIndent(key->fontMetrics().horizontalAdvance(QLatin1Char('M')));
        } else {
            QFont heading = key->font();
            heading.setBold(true);
            key->setFont(heading);
        }
        if (const MetricInfo* info = findMetric(r.metricKey)) {
            key->setToolTip(
                QString::fromUtf8(info->meaning.data(), qsizetype(info->meaning.size())));
        }
        // A value never wraps or shrinks: the card is as wide as its widest.
        auto* value = new QLabel(text(r.cells[architecture]), body);
        value->setObjectName("value");
        value->setProperty("metricKey", text(r.metricKey));
        value->setAlignment(Qt::AlignRight | Qt::AlignTop);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
        layout->addWidget(key, row, 0, Qt::AlignTop);
        layout->addWidget(value, row, 1, Qt::AlignTop | Qt::AlignRight);
        ++row;
    }
    layout->setColumnStretch(0, 1);
    layout->setRowStretch(row, 1);
    return card;
}

void OverviewTab::showResults(const ScenarioResults& results) {
    clearResults();
    const auto& archs = results.architectures;
    if (archs.empty()) {
        return;
    }
    const std::vector<ComparisonRow> rows = comparisonRows(results);
    for (int i = 0; i < static_cast<int>(archs.size()); ++i) {
        m_cards.append(makeCard(results, rows, i));
    }
    layoutCards();

    const QString warmup = results.warmupS > 0.0
                               ? tr(" (after %1 warm-up)").arg(text(formatSpan(results.warmupS)))
                               : QString();
    QString summary =
        tr("<b>%1</b>: %2 simulated%3, seed %4, %5.")
            .arg(text(results.scenarioName).toHtmlEscaped(),
                 text(formatSpan(results.durationS - results.warmupS)), warmup)
            .arg(results.seed)
            .arg(results.replications == 1
                     ? tr("1 replication")
                     : tr("%1 replications, ± 95 % confidence").arg(results.replications));
    // The command line's verdicts, word for word.
    for (const std::string& line : verdictLines(results)) {
        summary += QStringLiteral("<br>") + text(line).toHtmlEscaped();
    }
    m_summary->setText(summary);
}

void OverviewTab::layoutCards() {
    if (m_cards.isEmpty()) {
        return;
    }
    // As many columns as cards of their natural width fit beside each other.
    int cardWidth = 0;
    for (QFrame* card : m_cards) {
        cardWidth = std::max(cardWidth, card->minimumSizeHint().width());
    }
    cardWidth = std::max(cardWidth, 260);
    const int available = m_scroll->viewport()->width();
    const int fit = std::max(1, (available + CardSpacing) / (cardWidth + CardSpacing));
    const int columns = std::min<int>(fit, static_cast<int>(m_cards.size()));
    if (columns == m_columns) {
        return;
    }
    for (QFrame* card : m_cards) {
        m_grid->removeWidget(card);
    }
    for (int c = 0; c < m_grid->columnCount(); ++c) {
        m_grid->setColumnStretch(c, 0);
    }
    for (int i = 0; i < m_cards.size(); ++i) {
        m_grid->addWidget(m_cards[i], i / columns, i % columns);
    }
    for (int c = 0; c < columns; ++c) {
        m_grid->setColumnStretch(c, 1);
    }
    m_columns = columns;
}

bool OverviewTab::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) {
        layoutCards();
    }
    return ResultsTab::eventFilter(watched, event);
}

QList<QPair<QString, QString>> OverviewTab::cardRows(int architecture) const {
    QList<QPair<QString, QString>> rows;
    if (architecture < 0 || architecture >= m_cards.size()) {
        return rows;
    }
    const QList<QLabel*> labels = m_cards[architecture]->findChildren<QLabel*>("label");
    const QList<QLabel*> values = m_cards[architecture]->findChildren<QLabel*>("value");
    for (int i = 0; i < labels.size() && i < values.size(); ++i) {
        rows.append({labels[i]->property("tableLabel").toString(), values[i]->text()});
    }
    return rows;
}

QString OverviewTab::valueText(int architecture, const QString& metricKey) const {
    if (architecture < 0 || architecture >= m_cards.size()) {
        return {};
    }
    for (const QLabel* value : m_cards[architecture]->findChildren<QLabel*>("value")) {
        if (value->property("metricKey").toString() == metricKey) {
            return value->text();
        }
    }
    return {};
}

QString OverviewTab::badgeText(int architecture) const {
    if (architecture < 0 || architecture >= m_cards.size()) {
        return {};
    }
    return m_cards[architecture]->findChild<QLabel*>("badge")->text();
}

QString OverviewTab::notRankedText(int architecture) const {
    if (architecture < 0 || architecture >= m_cards.size()) {
        return {};
    }
    return m_cards[architecture]->findChild<QLabel*>("notRanked")->text();
}

QString OverviewTab::summaryText() const {
    return m_summary->text();
}

} // namespace faaslab::gui
