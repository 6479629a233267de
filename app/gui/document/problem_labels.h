#pragma once

#include <QString>
#include <optional>
#include <string>

class QLabel;
class QWidget;

namespace faaslab::gui {

class ScenarioDocument;

// Where the editor shows the scenario reader's messages. Every field shows
// the message about its own value; a composite editor (a price list, a rate
// schedule) claims everything under its path; and each section of the form
// has a label for the rest under its path (an unknown key, a mistyped
// distribution kind), so no message is only in the Problems list.

// A red, word-wrapped label, hidden while empty.
QLabel* createErrorLabel(QWidget* parent);
void showError(QLabel* label, const QString& text);

// `widget` shows every problem at or under `path` itself.
void claimProblems(QWidget* widget, const std::string& path);
// `label` shows the problems under `path` that no field, claiming widget or
// deeper section shows.
void setSectionProblems(QLabel* label, const std::string& path);
// The path a field, claiming widget or section label shows problems for;
// nullopt for other widgets.
std::optional<std::string> problemPathOf(const QWidget* widget);
// Fills every section label under `root`.
void refreshSectionProblems(QWidget* root, const ScenarioDocument& document);

// True when `path` is `prefix` or inside it ("a.b" and "a.b[2]" are inside
// "a.b"; "a.bc" is not). Every path is inside "".
bool isInside(const std::string& path, const std::string& prefix);

} // namespace faaslab::gui
