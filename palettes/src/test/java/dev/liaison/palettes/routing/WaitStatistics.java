package dev.liaison.palettes.routing;

/**
 * What a queueing simulation measured over the contacts after the warm-up: the share that waited and the mean wait,
 * each with a batch-means standard error (waits of neighbouring contacts are correlated, so the naive one is too
 * small).
 */
record WaitStatistics(
        int contacts,
        double probabilityOfWaiting,
        double probabilityOfWaitingError,
        double meanWaitSeconds,
        double meanWaitError) {

    private static final int BATCHES = 20;

    /** Statistics of {@code waitMicros[from..]}. */
    static WaitStatistics of(long[] waitMicros, int from) {
        int contacts = waitMicros.length - from;
        int batchSize = contacts / BATCHES;
        double[] waitedShare = new double[BATCHES];
        double[] meanWait = new double[BATCHES];
        for (int batch = 0; batch < BATCHES; batch++) {
            int start = from + batch * batchSize;
            long waited = 0;
            double total = 0;
            for (int i = start; i < start + batchSize; i++) {
                waited += waitMicros[i] > 0 ? 1 : 0;
                total += waitMicros[i] / 1e6;
            }
            waitedShare[batch] = (double) waited / batchSize;
            meanWait[batch] = total / batchSize;
        }
        long waited = 0;
        double total = 0;
        for (int i = from; i < waitMicros.length; i++) {
            waited += waitMicros[i] > 0 ? 1 : 0;
            total += waitMicros[i] / 1e6;
        }
        return new WaitStatistics(
                contacts,
                (double) waited / contacts,
                standardError(waitedShare),
                total / contacts,
                standardError(meanWait));
    }

    private static double standardError(double[] batches) {
        double mean = 0;
        for (double value : batches) {
            mean += value;
        }
        mean /= batches.length;
        double squares = 0;
        for (double value : batches) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (batches.length - 1) / batches.length);
    }
}
