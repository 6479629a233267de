#pragma once

#include "models/billing/cost_breakdown.h"
#include "models/billing/price_list_info.h"

#include <string>

namespace faaslab {

// What is billed: `RequestBased` (Cloud Run "CPU only allocated during
// request processing"): an instance's vCPU and memory only while it handles
// at least one request, plus a fee per request, with min-instances billed at
// an idle rate when not serving; `InstanceBased` (Cloud Run "CPU always
// allocated", AWS Fargate, a Kubernetes deployment on a managed service): the
// whole life of each instance.
enum class ContainerBilling { RequestBased, InstanceBased };

struct ContainerFreeTier {
    double vcpuSeconds = 0.0;
    double gibSeconds = 0.0;
    double requests = 0.0;
    bool operator==(const ContainerFreeTier&) const = default;
};

struct ContainerUsage {
    double vcpuSeconds = 0.0;     // billed vCPU-seconds at the active rate
    double gibSeconds = 0.0;      // billed GiB-seconds at the active rate
    double idleVcpuSeconds = 0.0; // idle min-instances (request-based)
    double idleGibSeconds = 0.0;
    double requests = 0.0;

    ContainerUsage& operator+=(const ContainerUsage& other);
    ContainerUsage scaled(double factor) const;
};

struct ContainerPricing {
    PriceListInfo info;

    ContainerBilling billing = ContainerBilling::RequestBased;
    double perVcpuSecond = 0.0;
    double perGibSecond = 0.0;
    double perRequest = 0.0;
    double idlePerVcpuSecond = 0.0;
    double idlePerGibSecond = 0.0;
    // Each billed period (a busy period, or an instance's life) is rounded up
    // to a multiple of this...
    double granularityS = 0.1;
    // ...and an instance's life is billed at least this long from each start.
    double minimumPerStartS = 0.0;
    ContainerFreeTier freeTier;
    bool applyFreeTier = false;

    // Billed length of a period. A period that was already running when the
    // window started is not a start: no minimum applies to it.
    double billedSeconds(double duration, bool startedInWindow) const;
    // Components: "cpu", "memory", "requests", "idle".
    CostBreakdown monthCost(const ContainerUsage& usage) const;

    bool operator==(const ContainerPricing&) const = default;
};

std::string_view containerBillingName(ContainerBilling billing);

} // namespace faaslab
