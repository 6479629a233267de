#pragma once

#include <QStringList>

namespace faaslab::cli {

// faaslab-cli pricing list | show ID
int pricingCommand(const QStringList& arguments);

} // namespace faaslab::cli
