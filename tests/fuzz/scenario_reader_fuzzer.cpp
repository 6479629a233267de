// libFuzzer entry point for the scenario reader: any byte string must be
// either read as a valid scenario or rejected with diagnostics that name a
// place, never crash, hang or trip a sanitizer. A scenario that is read must
// also survive being written and read again.

#include "models/scenario/scenario_reader.h"
#include "models/scenario/scenario_writer.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const faaslab::ScenarioReader reader;
    const faaslab::ScenarioReadResult result = reader.readText(text);
    if (!result.ok()) {
        if (!result.diagnostics.hasErrors()) {
            std::abort(); // rejected without saying why
        }
        for (const auto& d : result.diagnostics.items()) {
            (void)d.format("fuzz");
        }
        return 0;
    }
    const auto again = reader.readText(faaslab::scenarioToText(*result.scenario));
    if (!again.ok() || !(*again.scenario == *result.scenario)) {
        std::abort(); // a valid scenario must round-trip
    }
    return 0;
}
