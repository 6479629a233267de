#include "simulator/event_queue.h"
#include "simulator/random_stream.h"

#include <QtTest>
#include <set>
#include <string>
#include <tuple>

using namespace faaslab::sim;

class EventQueueTest : public QObject {
    Q_OBJECT

private slots:
    void popsInTimeOrder() {
        EventQueue queue;
        RandomStream rng(7);
        for (int i = 0; i < 20000; ++i) {
            queue.push(rng.uniform() * 100.0, nullptr, 0);
        }
        double previous = -1.0;
        int popped = 0;
        while (!queue.empty()) {
            const Event e = queue.pop();
            QVERIFY2(e.time >= previous, "events must come out in time order");
            previous = e.time;
            ++popped;
        }
        QCOMPARE(popped, 20000);
    }

    void breaksTiesByInsertionOrder() {
        EventQueue queue;
        for (std::uint32_t k = 0; k < 500; ++k) {
            queue.push(k % 2 == 0 ? 3.0 : 1.0, nullptr, k);
        }
        std::uint32_t expectedOdd = 1;
        std::uint32_t expectedEven = 0;
        for (int i = 0; i < 250; ++i) {
            const Event e = queue.pop();
            QCOMPARE(e.time, 1.0);
            QCOMPARE(e.kind, expectedOdd);
            expectedOdd += 2;
        }
        for (int i = 0; i < 250; ++i) {
            const Event e = queue.pop();
            QCOMPARE(e.time, 3.0);
            QCOMPARE(e.kind, expectedEven);
            expectedEven += 2;
        }
        QVERIFY(queue.empty());
    }

    void carriesPayloadAndSequence() {
        EventQueue queue;
        int dummy = 0;
        auto* handler = reinterpret_cast<EventHandler*>(&dummy);
        const auto first = queue.push(2.0, handler, 7, 42, 0.125);
        const auto second = queue.push(1.0, nullptr, 1, 2, 3.0);
        QCOMPARE(second, first + 1);
        Event e = queue.pop();
        QCOMPARE(e.sequence, second);
        e = queue.pop();
        QCOMPARE(e.handler, handler);
        QCOMPARE(e.kind, 7u);
        QCOMPARE(e.index, 42u);
        QCOMPARE(e.value, 0.125);
        QCOMPARE(e.sequence, first);
    }

    // Random interleavings of pushes and pops against an ordered reference,
    // in the regime a platform creates: pushes at "now + delay".
    void matchesReferenceOrderUnderInterleaving() {
        EventQueue queue;
        std::set<std::tuple<double, std::uint64_t, std::uint32_t>> reference;
        RandomStream rng(11);
        double now = 0.0;
        for (int step = 0; step < 200000; ++step) {
            const bool push = reference.empty() || rng.uniform() < 0.52;
            if (push) {
                const double time = now + rng.exponential(1.0) * (rng.uniform() < 0.1 ? 0.0 : 1.0);
                const auto index = static_cast<std::uint32_t>(step);
                const auto sequence = queue.push(time, nullptr, 0, index);
                reference.emplace(time, sequence, index);
            } else {
                const Event e = queue.pop();
                const auto expected = *reference.begin();
                reference.erase(reference.begin());
                QCOMPARE(e.time, std::get<0>(expected));
                QCOMPARE(e.sequence, std::get<1>(expected));
                QCOMPARE(e.index, std::get<2>(expected));
                now = e.time;
            }
            QCOMPARE(queue.size(), reference.size());
        }
    }

    void orderedWithZeroAndNegativeZeroTimes() {
        EventQueue queue;
        queue.push(0.5, nullptr, 1);
        queue.push(-0.0, nullptr, 2);
        queue.push(0.0, nullptr, 3);
        QCOMPARE(queue.pop().kind, 2u);
        QCOMPARE(queue.pop().kind, 3u);
        QCOMPARE(queue.pop().kind, 1u);
    }

    // The limit counts events pending at once, not events pushed: a popped
    // event's slot is free again.
    void refusesAnEventBeyondThePendingLimit() {
        EventQueue queue;
        queue.setPendingLimit(3);
        QCOMPARE(queue.pendingLimit(), std::size_t{3});
        for (std::uint32_t k = 0; k < 3; ++k) {
            queue.push(1.0 + k, nullptr, k);
        }
        try {
            queue.push(0.5, nullptr, 9);
            QFAIL("a fourth pending event was accepted");
        } catch (const PendingLimitExceeded& e) {
            QCOMPARE(e.limit(), std::size_t{3});
            QCOMPARE(std::string(e.what()), std::string("event queue: more than 3 events "
                                                        "pending at once"));
        }
        QCOMPARE(queue.size(), std::size_t{3}); // the refused event left no trace
        QCOMPARE(queue.pop().kind, 0u);
        queue.push(0.5, nullptr, 9);
        QCOMPARE(queue.pop().kind, 9u);
        QCOMPARE(queue.pop().kind, 1u);

        queue.setPendingLimit(std::size_t{1} << 40);
        QCOMPARE(queue.pendingLimit(), std::size_t{EventQueue::MaxPending});
    }
};

QTEST_APPLESS_MAIN(EventQueueTest)
#include "tst_event_queue.moc"
