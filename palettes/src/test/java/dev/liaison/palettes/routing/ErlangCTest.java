package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void matchesValuesWorkedOutByHand() {
        // One agent: a contact waits exactly when the agent is busy, P(W>0) = rho; E[W] = rho / (mu - lambda).
        assertThat(ErlangC.probabilityOfWaiting(1, 0.6)).isCloseTo(0.6, within(1e-12));
        assertThat(ErlangC.meanWait(1, 0.6, 1.0)).isCloseTo(1.5, within(1e-12));
        // Two agents, one erlang: B(2,1) = (1/2) / (1 + 1 + 1/2) = 1/5, C = 2B / (2 - 1 + B) = 1/3.
        assertThat(ErlangC.probabilityOfWaiting(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ErlangC.meanWait(2, 1.0, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
        // Three agents, two erlangs: B(3,2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19, C = 3B / (3 - 2 + 2B) = 4/9.
        assertThat(ErlangC.probabilityOfWaiting(3, 2.0)).isCloseTo(4.0 / 9, within(1e-12));
        // E[W] in minutes with 3-minute calls, 40 an hour: a = 2, C = 4/9, E[W] = (4/9) / (3/3 - 2/3) = 4/3 min.
        assertThat(ErlangC.meanWait(3, 40.0 / 60, 1.0 / 3)).isCloseTo(4.0 / 3, within(1e-12));
    }

    @Test
    void agreesWithTheErlangBRecursion() {
        for (int agents = 1; agents <= 60; agents++) {
            for (double utilisation : new double[] {0.05, 0.3, 0.5, 0.7, 0.8, 0.85, 0.95, 0.99}) {
                double load = utilisation * agents;
                // B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)); C = m B / (m - a (1 - B))
                double blocking = 1;
                for (int k = 1; k <= agents; k++) {
                    blocking = load * blocking / (k + load * blocking);
                }
                double expected = agents * blocking / (agents - load * (1 - blocking));
                assertThat(ErlangC.probabilityOfWaiting(agents, load))
                        .as("C(%d, %.2f)", agents, load)
                        .isCloseTo(expected, within(1e-12 + 1e-10 * expected));
            }
        }
    }

    @Test
    void rejectsAnOverloadedOrEmptyQueue() {
        assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(5, 5.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The reference queue of {@link ErlangCQueueingSimulationIT}, with its parameters, over eight million contacts: at
     * that length the sampling error of the mean wait is about 0.5%, so 3% is a margin of several standard errors.
     */
    @Test
    void theReferenceFifoQueueOfTheSimulationMatchesErlangCOverMillionsOfContacts() {
        int agents = ErlangCQueueingSimulationIT.AGENTS;
        double mu = 1 / ErlangCQueueingSimulationIT.MEAN_HANDLE_SECONDS;
        double lambda = ErlangCQueueingSimulationIT.UTILISATION * agents * mu;
        int warmUp = 10_000;
        int contacts = 8_000_000;
        QueueingWorkload.Contacts stream = new QueueingWorkload.Contacts(12_345, lambda, mu);
        QueueingWorkload.FifoQueue queue = new QueueingWorkload.FifoQueue(agents);
        long waited = 0;
        double totalWait = 0;
        for (int i = 0; i < warmUp + contacts; i++) {
            stream.next();
            long wait = queue.waitOf(stream.arrivalMicros(), stream.handleMicros());
            if (i >= warmUp) {
                waited += wait > 0 ? 1 : 0;
                totalWait += wait / 1e6;
            }
        }
        double expectedWaiting = ErlangC.probabilityOfWaiting(agents, lambda / mu);
        double expectedWait = ErlangC.meanWait(agents, lambda, mu);
        assertThat((double) waited / contacts).isCloseTo(expectedWaiting, within(0.03 * expectedWaiting));
        assertThat(totalWait / contacts).isCloseTo(expectedWait, within(0.03 * expectedWait));
    }

    @Test
    void theReferenceFifoQueueServesInArrivalOrderOnTheAgentFreeFirst() {
        QueueingWorkload workload =
                new QueueingWorkload(new long[] {0, 1, 2, 3, 10, 11}, new long[] {10, 5, 3, 4, 2, 1});
        // Two agents. A takes #0 (0-10), B takes #1 (1-6). #2 waits for B (6-9), #3 for B again (9-13), though A is
        // free at 10. #4 arrives at 10 just as A frees up: no wait (A 10-12). #5 waits for A (12-13).
        assertThat(workload.fifoWaits(2)).containsExactly(0, 0, 4, 6, 0, 1);
    }
}
