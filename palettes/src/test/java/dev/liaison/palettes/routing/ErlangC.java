package dev.liaison.palettes.routing;

/**
 * The Erlang C model of a queue with {@code agents} identical agents, Poisson arrivals at rate {@code lambda},
 * exponential handle times at rate {@code mu}, one FIFO queue, nobody abandoning: the probability that a contact has
 * to wait and its mean wait. Offered load {@code a = lambda / mu} must be below the number of agents.
 */
final class ErlangC {

    private ErlangC() {}

    /** P(W > 0): the probability that an arriving contact finds every agent busy. */
    static double probabilityOfWaiting(int agents, double offeredLoad) {
        if (agents < 1 || offeredLoad <= 0 || offeredLoad >= agents) {
            throw new IllegalArgumentException(
                    "needs at least one agent and 0 < load < agents: " + agents + ", " + offeredLoad);
        }
        // sum_{k<m} a^k / k!  and  a^m / m! * m / (m - a), term by term to stay clear of large factorials
        double term = 1;
        double belowM = 0;
        for (int k = 0; k < agents; k++) {
            belowM += term;
            term *= offeredLoad / (k + 1);
        }
        double allBusy = term * agents / (agents - offeredLoad);
        return allBusy / (belowM + allBusy);
    }

    /** E[W] in the unit of {@code 1 / mu}: P(W > 0) / (m mu - lambda). */
    static double meanWait(int agents, double lambda, double mu) {
        return probabilityOfWaiting(agents, lambda / mu) / (agents * mu - lambda);
    }
}
