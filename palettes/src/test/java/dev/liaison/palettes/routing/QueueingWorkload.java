package dev.liaison.palettes.routing;

import java.util.SplittableRandom;

/**
 * A reproducible stream of contacts for queueing simulations: arrival times of a Poisson process and exponential
 * handle times, both in whole microseconds (what PostgreSQL stores) so that a simulation on the real ACD and the
 * reference queue below see exactly the same instants.
 *
 * @param arrivalMicros when each contact arrives, strictly increasing, from time 0
 * @param handleMicros how long an agent talks to each contact
 */
record QueueingWorkload(long[] arrivalMicros, long[] handleMicros) {

    /** {@code customers} contacts arriving at {@code lambda} per second with handle times at {@code mu} per second. */
    static QueueingWorkload poisson(long seed, int customers, double lambda, double mu) {
        Contacts contacts = new Contacts(seed, lambda, mu);
        long[] arrivals = new long[customers];
        long[] handles = new long[customers];
        for (int i = 0; i < customers; i++) {
            contacts.next();
            arrivals[i] = contacts.arrivalMicros();
            handles[i] = contacts.handleMicros();
        }
        return new QueueingWorkload(arrivals, handles);
    }

    int size() {
        return arrivalMicros.length;
    }

    /** The wait of each contact in an ideal first-come-first-served queue with {@code agents} agents. */
    long[] fifoWaits(int agents) {
        FifoQueue queue = new FifoQueue(agents);
        long[] waits = new long[size()];
        for (int i = 0; i < size(); i++) {
            waits[i] = queue.waitOf(arrivalMicros[i], handleMicros[i]);
        }
        return waits;
    }

    /** The contacts one after the other, without keeping them. */
    static final class Contacts {

        private final SplittableRandom random;
        private final double lambda;
        private final double mu;
        private long arrival;
        private long handle;

        Contacts(long seed, double lambda, double mu) {
            this.random = new SplittableRandom(seed);
            this.lambda = lambda;
            this.mu = mu;
        }

        /** Moves to the next contact. */
        void next() {
            arrival += micros(exponential(lambda));
            handle = micros(exponential(mu));
        }

        long arrivalMicros() {
            return arrival;
        }

        long handleMicros() {
            return handle;
        }

        private double exponential(double rate) {
            return -Math.log(1 - random.nextDouble()) / rate;
        }

        /** Seconds to whole microseconds, at least one, so that no two arrivals share an instant. */
        private static long micros(double seconds) {
            return Math.max(1, Math.round(seconds * 1_000_000));
        }
    }

    /**
     * An ideal first-come-first-served queue: each contact, in arrival order, goes to the agent who is free first and
     * is taken the moment that agent is free (a contact arriving exactly when an agent frees up does not wait).
     */
    static final class FifoQueue {

        private final long[] freeAt;

        FifoQueue(int agents) {
            freeAt = new long[agents];
        }

        /** Queues the next contact; returns its wait. */
        long waitOf(long arrival, long handle) {
            int earliest = 0;
            for (int agent = 1; agent < freeAt.length; agent++) {
                if (freeAt[agent] < freeAt[earliest]) {
                    earliest = agent;
                }
            }
            long start = Math.max(arrival, freeAt[earliest]);
            freeAt[earliest] = start + handle;
            return start - arrival;
        }
    }
}
