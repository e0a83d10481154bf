package dev.switchyard.loadgen;

import java.util.List;

/**
 * What a churn soak ({@link ChurnRun}) measured.
 *
 * @param slots participants coming and going at once, besides the one publishing throughout
 * @param rounds joins that received the publisher's video and left again
 * @param failedRounds joins that did not join or did not receive the video in time
 * @param participantErrors errors the server sent to participants, such as a subscription to a track that had
 *                          just left (churn's races, counted rather than failed)
 * @param errors the first of the failures and errors, as text
 */
record ChurnReport(int slots, long seconds, int rounds, int failedRounds, int participantErrors,
                   ServerFootprint footprint, List<String> errors) {

    String table() {
        StringBuilder out = new StringBuilder();
        LoadReport.row(out, "topology", "churn, 1 publisher and %d participants coming and going", slots);
        LoadReport.row(out, "duration", "%d s", seconds);
        LoadReport.row(out, "rounds", "%d completed, %d failed", rounds, failedRounds);
        LoadReport.row(out, "participant errors", "%d", participantErrors);
        footprint.appendRows(out);
        errors.forEach(error -> LoadReport.row(out, "error", "%s", error));
        return out.toString();
    }
}
