// The scenario form as a user's hands meet it: the mouse wheel scrolls the
// form and never changes a setting it passes over; Ctrl+Z undoes the
// document's last edit with the cursor still in the field; the toolbar does
// not move when an edit is made; what the window says after opening a file
// is about that file; numbers and texts read as a person wrote them; and
// `faaslab --help` needs no display.

#include "app/gui/application/application_editor.h"
#include "app/gui/application/application_graph_view.h"
#include "app/gui/document/json_field.h"
#include "app/gui/document/scenario_document.h"
#include "app/gui/document/scenario_templates.h"
#include "app/gui/editor/architecture_editor.h"
#include "app/gui/editor/pricing_editor.h"
#include "app/gui/editor/scenario_editor.h"
#include "app/gui/editor/wheel_guard.h"
#include "app/gui/main_window.h"
#include "app/gui/results/results_panel.h"
#include "app/gui/run_controller.h"
#include "models/format/number_format.h"
#include "models/scenario/architecture_fields.h"
#include "models/scenario/section_fields.h"
#include "tests/support/process_run.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

using namespace faaslab;
using namespace faaslab::gui;
using Json = ScenarioDocument::Json;

namespace {

// One notch of a mouse wheel turned towards the user (scrolling down) over
// the middle of `widget`, delivered as Qt delivers it to that widget.
void turnWheelOver(QWidget* widget, int notches = -1) {
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent wheel(local, QPointF(widget->mapToGlobal(local)), QPoint(),
                      QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
    QApplication::sendEvent(widget, &wheel);
}

QScrollArea* scrollAreaOf(QWidget* widget) {
    for (QWidget* w = widget->parentWidget(); w != nullptr; w = w->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(w)) {
            return area;
        }
    }
    return nullptr;
}

Json valueAt(const MainWindow& window, const std::string& pointer) {
    return window.document()->valueAt(ScenarioDocument::Pointer(pointer));
}

// The window at a laptop's size, shown and active (keyboard shortcuts go to
// the active window).
void showWindow(MainWindow& window, const QSize& size = {1024, 700}) {
    window.resize(size);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

} // namespace

class EditorInputTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("FaaSLabTests");
        QCoreApplication::setApplicationName("tst_editor_input");
    }

    // The simulation fields and a diurnal process's optional keys show, when
    // left out, the defaults of the model's section table.
    void sectionFieldsShowTheModelsDefaults() {
        ScenarioDocument document;
        Json scenario = document.json();
        scenario["simulation"] = Json::object();
        scenario["workload"]["arrivals"] =
            Json{{"process", "diurnal"}, {"rate_per_s", 5}, {"amplitude", 0.5}};
        document.loadText(QString::fromStdString(scenario.dump(2)), "sections.json");
        ScenarioEditor editor(&document);
        auto placeholderOf = [&editor](const std::string& path) {
            for (JsonField* f : editor.findChildren<JsonField*>()) {
                if (f->path() == path && f->lineEdit() != nullptr) {
                    return f->lineEdit()->placeholderText();
                }
            }
            return QString("(no field %1)").arg(QString::fromStdString(path));
        };
        for (const char* key :
             {"duration_s", "warmup_s", "seed", "replications", "timeseries_bin_s"}) {
            QCOMPARE(placeholderOf(std::string("simulation.") + key),
                     QString::fromStdString(formatNumber(*simulationFieldDefault(key)) +
                                            " (default)"));
        }
        QCOMPARE(placeholderOf("simulation.duration_s"), QString("86400 (default)"));
        for (const char* key : {"period_s", "peak_time_s"}) {
            QCOMPARE(placeholderOf(std::string("workload.arrivals.") + key),
                     QString::fromStdString(
                         formatNumber(*arrivalFieldDefault("diurnal", key)) + " (default)"));
        }
        QCOMPARE(placeholderOf("workload.arrivals.rate_per_s"), QString());
    }

    // The reported accident: scrolling down a Lambda architecture's form
    // with the pointer passing over the keep-alive policy and the price list.
    // Every number field of an architecture shows, when empty, the default
    // the model's field table gives, for each type: the editor no longer
    // restates the defaults.
    void architectureFieldsShowTheModelsDefaults() {
        for (const std::string_view type : ArchitectureTypes) {
            ScenarioDocument document;
            Json scenario = document.json();
            scenario["architectures"] = Json::array({architectureTemplate(std::string(type), "A")});
            Json& arch = scenario["architectures"][0];
            if (type == "serverless") {
                arch["keep_alive_policy"] = "hybrid_histogram";
            } else if (type == "vm") {
                arch["autoscaling"] = Json{{"min_instances", 1}, {"max_instances", 4}};
            }
            document.loadText(QString::fromStdString(scenario.dump(2)), "fields.json");
            ArchitectureEditor editor(&document, 0);
            int shown = 0;
            for (const ArchitectureField& field : architectureFields(type)) {
                if (!field.defaultValue) {
                    continue;
                }
                std::string path = "architectures[0]." + field.key;
                std::replace(path.begin(), path.end(), '/', '.');
                JsonField* found = nullptr;
                for (JsonField* f : editor.findChildren<JsonField*>()) {
                    if (f->path() == path) {
                        found = f;
                    }
                }
                QVERIFY2(found != nullptr, path.c_str());
                QVERIFY(found->lineEdit() != nullptr);
                QCOMPARE(found->lineEdit()->placeholderText(),
                         QString::fromStdString(formatNumber(*field.defaultValue) + " (default)"));
                ++shown;
            }
            QVERIFY(shown >= 5);
        }
    }

    void wheelOverUnfocusedCombosScrollsTheFormAndChangesNothing() {
        MainWindow window;
        QVERIFY(window.openExample("spiky-traffic.json"));
        showWindow(window);
        window.editor()->tabs()->setCurrentIndex(2); // the first architecture
        QApplication::processEvents();
        JsonField* policy = window.editor()->field("architectures[0].keep_alive_policy");
        QVERIFY(policy != nullptr);
        QComboBox* policyBox = policy->comboBox();
        QComboBox* priceList = window.editor()->architectureEditor(0)->pricingEditor()->presetBox();
        QScrollArea* form = scrollAreaOf(policyBox);
        QVERIFY(form != nullptr);
        QScrollBar* bar = form->verticalScrollBar();
        QVERIFY2(bar->maximum() > 0, "the form must be taller than the dock to test scrolling");

        const Json before = window.document()->json();
        const int steps = window.document()->undoStack()->count();
        for (QComboBox* box : {policyBox, priceList}) {
            QCOMPARE(box->focusPolicy(), Qt::StrongFocus); // a wheel does not focus it
            QVERIFY(!box->hasFocus());
            const int index = box->currentIndex();
            form->ensureWidgetVisible(box);
            bar->setValue(bar->minimum() + (bar->maximum() - bar->minimum()) / 3);
            QApplication::processEvents();
            const int scrolled = bar->value();
            turnWheelOver(box, -1);
            QCOMPARE(box->currentIndex(), index);
            QVERIFY2(bar->value() > scrolled, "the form scrolls down instead");
            turnWheelOver(box, +1);
            QCOMPARE(box->currentIndex(), index);
            QVERIFY(!box->hasFocus());
        }
        QCOMPARE(window.document()->json(), before);
        QCOMPARE(window.document()->undoStack()->count(), steps);

        // Chosen (clicked or tabbed into), the wheel is the user's intent.
        policyBox->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(policyBox->hasFocus());
        const int index = policyBox->currentIndex();
        QCOMPARE(index, 0); // fixed keep-alive
        turnWheelOver(policyBox, -1);
        QCOMPARE(policyBox->currentIndex(), 1);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_policy"), Json("none"));
    }

    // The guard is one filter on the application: spin boxes, date edits and
    // sliders made later, in any scrolling form or dialog, are covered too.
    void wheelGuardCoversEveryWheelEditableWidgetMadeLater() {
        WheelGuard::install(QCoreApplication::instance());
        WheelGuard::install(QCoreApplication::instance()); // once only
        QCOMPARE(QCoreApplication::instance()->findChildren<WheelGuard*>().size(), 1);

        QScrollArea area;
        auto* content = new QWidget;
        auto* form = new QFormLayout(content);
        auto* spin = new QSpinBox;
        spin->setRange(0, 100);
        spin->setValue(50);
        auto* date = new QDateEdit(QDate(2026, 12, 7));
        auto* slider = new QSlider(Qt::Horizontal);
        slider->setRange(0, 100);
        slider->setValue(50);
        auto* other = new QLineEdit;
        form->addRow("spin", spin);
        form->addRow("date", date);
        form->addRow("slider", slider);
        form->addRow("text", other);
        for (int i = 0; i < 40; ++i) {
            form->addRow(QString("row %1").arg(i), new QLineEdit);
        }
        area.setWidget(content);
        area.setWidgetResizable(true);
        area.resize(400, 300);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        other->setFocus();
        QTRY_VERIFY(other->hasFocus());
        QScrollBar* bar = area.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);

        struct Case {
            QWidget* widget;
            std::function<QString()> value;
        };
        const Case cases[] = {{spin,
                               [&] {
                                   return QString::number(spin->value());
                               }},
                              {date,
                               [&] {
                                   return date->date().toString(Qt::ISODate);
                               }},
                              {slider, [&] {
                                   return QString::number(slider->value());
                               }}};
        for (const Case& c : cases) {
            QCOMPARE(c.widget->focusPolicy() & Qt::WheelFocus, Qt::StrongFocus);
            bar->setValue(0);
            const QString before = c.value();
            // A spin box's wheel reaches its line edit first, as under a
            // real pointer.
            QWidget* under = c.widget->childAt(c.widget->rect().center());
            turnWheelOver(under != nullptr ? under : c.widget, -1);
            QCOMPARE(c.value(), before);
            // And delivered to the widget itself, which would take it.
            turnWheelOver(c.widget, -1);
            QCOMPARE(c.value(), before);
            QVERIFY2(bar->value() > 0, qPrintable(c.widget->metaObject()->className()));
        }
        // With the focus, the wheel edits.
        spin->setFocus();
        QTRY_VERIFY(spin->hasFocus());
        turnWheelOver(spin, +1);
        QCOMPARE(spin->value(), 51);
        // Scroll bars are not settings: they scroll as ever.
        bar->setValue(0);
        turnWheelOver(bar, -1);
        QVERIFY(bar->value() > 0);
    }

    // Ctrl+Z right after typing, the cursor still in the field: the
    // document's previous value comes back and the field shows it;
    // Ctrl+Shift+Z and Ctrl+Y redo.
    void undoAndRedoKeysActOnTheDocumentFromAField() {
        MainWindow window;
        QVERIFY(window.openExample("spiky-traffic.json"));
        showWindow(window);
        const Json original = valueAt(window, "/architectures/0/keep_alive_s");
        QVERIFY(original.is_number());
        window.editor()->focusPath("architectures[0].keep_alive_s");
        QLineEdit* edit = window.editor()->field("architectures[0].keep_alive_s")->lineEdit();
        QTRY_VERIFY(edit->hasFocus());
        edit->selectAll();
        QTest::keyClicks(edit, "5");
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), Json(5));

        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), original);
        QCOMPARE(edit->text(), JsonField::textFromValue(original));
        QVERIFY(edit->hasFocus());

        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), Json(5));
        QCOMPARE(edit->text(), QString("5"));
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), original);
        QTest::keyClick(edit, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), Json(5));

        // Typing more after an undo is a new step: one Ctrl+Z takes back
        // what was typed since, not the keystroke before it.
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        edit->selectAll();
        QTest::keyClicks(edit, "30");
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), Json(30));
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), original);
        QCOMPARE(edit->text(), JsonField::textFromValue(original));

        // From another field, whose own text history is empty: the
        // document's last edit is undone, wherever it was made.
        edit->selectAll();
        QTest::keyClicks(edit, "45");
        QLineEdit* other = window.editor()->field("architectures[0].max_instances")->lineEdit();
        other->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(other->hasFocus());
        const QString otherText = other->text();
        QTest::keyClick(other, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), original);
        QCOMPARE(edit->text(), JsonField::textFromValue(original));
        QCOMPARE(other->text(), otherText);
        QTest::keyClick(other, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(valueAt(window, "/architectures/0/keep_alive_s"), Json(45));
    }

    // A table cell being edited (the Application tab's functions) is
    // committed first, then undone: the cell is back to its value.
    void undoKeyInATableCellTakesBackTheCell() {
        MainWindow window;
        QVERIFY(window.openExample("nightly-batch.json"));
        showWindow(window, {1600, 1000});
        window.editor()->tabs()->setCurrentIndex(1);
        ApplicationEditor* application = window.editor()->applicationEditor();
        QTableView* view = application->partView(ApplicationEditor::Part::Functions);
        const auto* model = view->model();
        const QModelIndex cell = model->index(0, ApplicationPartModel::MemoryMb);
        const QString pointer = "/application/functions/0/memory_mb";
        const Json original = valueAt(window, pointer.toStdString());
        view->setCurrentIndex(cell);
        view->edit(cell);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor != nullptr);
        editor->selectAll();
        QTest::keyClicks(editor, "4096");
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(valueAt(window, pointer.toStdString()), original);
        QCOMPARE(model->data(cell).toString(), JsonField::textFromValue(original));
        // The cell's text was a step of its own: redo brings it.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(valueAt(window, pointer.toStdString()), Json(4096));
    }

    // Run stays where it was: the Undo and Redo buttons keep a fixed text,
    // the step they would take is in their tooltip and the Edit menu.
    void toolbarButtonsKeepTheirPlaceAfterAnEdit() {
        MainWindow window;
        QVERIFY(window.openExample("spiky-traffic.json"));
        showWindow(window, {1600, 1000});
        auto* toolbar = window.findChild<QToolBar*>("mainToolbar");
        QVERIFY(toolbar != nullptr);
        QWidget* run = toolbar->widgetForAction(window.runAction());
        QVERIFY(run != nullptr);
        const QRect before = run->geometry();
        QAction* undo = nullptr;
        for (QAction* action : toolbar->actions()) {
            if (action->iconText() == "Undo") {
                undo = action;
            }
        }
        QVERIFY(undo != nullptr);
        QWidget* undoButton = toolbar->widgetForAction(undo);
        const QRect undoBefore = undoButton->geometry();

        window.document()->setValue(ScenarioDocument::Pointer("/architectures/0/keep_alive_s"), 5,
                                    "Change architectures[0].keep_alive_s");
        QApplication::processEvents();
        QCOMPARE(run->geometry(), before);
        QCOMPARE(undoButton->geometry(), undoBefore);
        QCOMPARE(undo->iconText(), QString("Undo"));
        QVERIFY2(undo->text().contains("architectures[0].keep_alive_s"), qPrintable(undo->text()));
        QVERIFY2(undo->toolTip().contains("architectures[0].keep_alive_s"),
                 qPrintable(undo->toolTip()));
        QVERIFY(test::maybeGrab(&window, "toolbar-after-edit"));
        window.document()->undoStack()->undo();
        QApplication::processEvents();
        QCOMPARE(run->geometry(), before);
    }

    // Opening another file does not say "the scenario changed"; an edit to a
    // scenario that cannot run does not say "press Run".
    void statusSaysWhatIsTrueAfterOpeningAndEditing() {
        MainWindow window;
        QVERIFY(window.openExample("spiky-low-traffic.json"));
        showWindow(window, {1600, 1000});
        window.document()->setValue(ScenarioDocument::Pointer("/simulation/duration_s"), 3600,
                                    "shorter");
        window.run();
        QVERIFY(window.runController()->waitForFinished(120000));
        QVERIFY(window.resultsPanel()->hasResults());

        window.document()->setValue(ScenarioDocument::Pointer("/simulation/seed"), 2, "seed");
        QVERIFY(window.statusBar()->currentMessage().contains("press Run"));
        window.document()->setValue(ScenarioDocument::Pointer("/simulation/duration_s"), -1,
                                    "broken");
        QVERIFY(!window.runAction()->isEnabled());
        const QString stale = window.statusBar()->currentMessage();
        QVERIFY2(stale.contains("changed since") && !stale.contains("press Run"),
                 qPrintable(stale));
        QVERIFY(stale.contains("fix its problems"));

        QVERIFY(window.openExample("steady-high-load.json"));
        QVERIFY(!window.resultsPanel()->hasResults());
        QVERIFY2(!window.statusBar()->currentMessage().contains("changed since"),
                 qPrintable(window.statusBar()->currentMessage()));
        // The next edit of the new scenario has no results to call stale.
        window.document()->setValue(ScenarioDocument::Pointer("/simulation/seed"), 5, "seed");
        QVERIFY(!window.statusBar()->currentMessage().contains("changed since"));
    }

    // A graph box selected in one application is not highlighted in the next.
    void applicationSelectionDoesNotSurviveOpeningAnotherFile() {
        MainWindow window;
        QVERIFY(window.openExample("nightly-batch.json"));
        showWindow(window, {1600, 1000});
        ApplicationEditor* application = window.editor()->applicationEditor();
        application->selectPart({ApplicationPart::Kind::Function, 1});
        QCOMPARE(application->graphView()->selectedPart().kind, ApplicationPart::Kind::Function);
        QVERIFY(window.openExample("queue-orders.json"));
        QCOMPARE(application->graphView()->selectedPart().kind, ApplicationPart::Kind::None);
        QCOMPARE(application->selectedPart().kind, ApplicationPart::Kind::None);
    }

    // Long texts open at their beginning; derived numbers read as written.
    void fieldsShowTextsFromTheStartAndNumbersAsWritten() {
        MainWindow window;
        QVERIFY(window.openExample("nightly-batch.json"));
        showWindow(window);
        window.editor()->tabs()->setCurrentIndex(0);
        for (const char* path : {"name", "description"}) {
            QLineEdit* edit = window.editor()->field(path)->lineEdit();
            QVERIFY(edit->text().size() > 30);
            QCOMPARE(edit->cursorPosition(), 0);
        }
        // Another file: its name opens at the start too.
        QVERIFY(window.openExample("keep-alive-policies.json"));
        QCOMPARE(window.editor()->field("name")->lineEdit()->cursorPosition(), 0);

        // Switching a 0.6 s mean to a uniform distribution proposes 0.3 to
        // 0.9, not 0.8999999999999999 (0.6 * 1.5 in binary).
        window.document()->setValue(ScenarioDocument::Pointer("/workload/service_time_s"),
                                    Json{{"dist", "exponential"}, {"mean", 0.6}}, "mean");
        JsonField* mean = window.editor()->field("workload.service_time_s.mean");
        QVERIFY(mean != nullptr);
        QComboBox* dist = nullptr;
        for (QComboBox* box : mean->parentWidget()->findChildren<QComboBox*>()) {
            if (box->findText("Uniform") >= 0) {
                dist = box;
            }
        }
        QVERIFY(dist != nullptr);
        emit dist->activated(dist->findText("Uniform"));
        QCOMPARE(valueAt(window, "/workload/service_time_s/max"), Json(0.9));
        QCOMPARE(window.editor()->field("workload.service_time_s.max")->lineEdit()->text(),
                 QString("0.9"));
        QCOMPARE(window.editor()->field("workload.service_time_s.min")->lineEdit()->text(),
                 QString("0.3"));
        // What a file holds is shown exactly: the shortest text that reads
        // back as its number (1/900, written with 17 digits in the example).
        QCOMPARE(JsonField::textFromValue(Json(1.0 / 900.0)), QString("0.0011111111111111111"));
        QCOMPARE(JsonField::textFromValue(Json(0.1)), QString("0.1"));
    }

    // --help and --version answer without a display (over SSH, in scripts).
    void helpAndVersionNeedNoDisplay() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("DISPLAY");
        environment.remove("WAYLAND_DISPLAY");
        // The desktop's platform, which cannot start without a display.
        environment.insert("QT_QPA_PLATFORM", "xcb");
        for (const QString option : {"--help", "-h", "--version"}) {
            QProcess program;
            program.setProcessEnvironment(environment);
            program.start(FAASLAB_GUI, {option});
            QVERIFY(program.waitForFinished(30000));
            const QString out = QString::fromUtf8(program.readAllStandardOutput());
            QCOMPARE(program.exitStatus(), QProcess::NormalExit);
            QVERIFY2(program.exitCode() == 0,
                     qPrintable(option + ": " + program.readAllStandardError()));
            if (option == "--version") {
                QVERIFY2(QRegularExpression("^FaaS Lab \\d+\\.\\d+").match(out).hasMatch(),
                         qPrintable(out));
            } else {
                QVERIFY2(out.contains("Usage: ") && out.contains("--screenshot"), qPrintable(out));
                QVERIFY(!out.contains("<executable_name>"));
            }
        }
    }
};

QTEST_MAIN(EditorInputTest)
#include "tst_editor_input.moc"
