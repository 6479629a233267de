#pragma once

#include "models/scenario/json_object_reader.h"

// The pieces of ScenarioReader, one file per section of a scenario
// (distribution_reader, workload_reader, architecture_reader,
// application_reader); scenario_reader.cpp reads the document and places
// the problems. Not for use outside the reader.
namespace faaslab::reading {

using Json = JsonObjectReader::Json;

// Limits beyond which a value is certainly a mistake (a unit slip), stated
// once and shown in the message.
inline constexpr double TenYears = 315360000.0;
inline constexpr double MaxRate = 1e7;
inline constexpr double MaxDurationSample = 1e6;
inline const NumberRule RateRule = NumberRule::positive(MaxRate, "10 million requests per second");
inline const NumberRule ZeroOrRate =
    NumberRule::nonNegative(MaxRate, "10 million requests per second");
inline const NumberRule Span = NumberRule::positive(TenYears, "10 years");
inline const NumberRule ZeroOrSpan = NumberRule::nonNegative(TenYears, "10 years");
inline const NumberRule SampleRule = NumberRule::nonNegative(MaxDurationSample, "about 11.6 days");
inline const NumberRule PositiveSample = NumberRule::positive(MaxDurationSample, "about 11.6 days");
inline const NumberRule CvRule = NumberRule::positive(100, "a coefficient of variation above 100");

} // namespace faaslab::reading
