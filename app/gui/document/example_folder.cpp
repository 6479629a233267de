#include "app/gui/document/example_folder.h"

#include "resources/embedded_files.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace faaslab::gui {

namespace {

bool sameContents(const QString& path, const QByteArray& contents) {
    QFile file(path);
    return file.size() == contents.size() && file.open(QIODevice::ReadOnly) &&
           file.readAll() == contents;
}

} // namespace

QString exampleFolder(QString* error) {
    const QString root =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + "/examples";
    const QDir dir(root);
    if (!dir.mkpath("scenarios") || !dir.mkpath("traces")) {
        *error = QObject::tr("Cannot create %1 for the examples' sample traces.").arg(root);
        return {};
    }
    for (const resources::EmbeddedFile& trace : resources::sampleTraceFiles()) {
        const QString path = dir.filePath(
            "traces/" + QString::fromUtf8(trace.name.data(), qsizetype(trace.name.size())));
        const QByteArray contents(trace.contents.data(), qsizetype(trace.contents.size()));
        if (sameContents(path, contents)) {
            continue;
        }
        // Written whole or not at all: a half-written trace would be read.
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(contents) != contents.size() ||
            !out.commit()) {
            *error = QObject::tr("Cannot write %1: %2").arg(path, out.errorString());
            return {};
        }
    }
    return dir.filePath("scenarios");
}

} // namespace faaslab::gui
