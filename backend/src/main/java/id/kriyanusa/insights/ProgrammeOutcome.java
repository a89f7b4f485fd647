package id.kriyanusa.insights;

import id.kriyanusa.programme.Programme;

/**
 * A programme's participants (women and youth where given) and their follow-up goals done
 * and overdue.
 */
public record ProgrammeOutcome(Programme programme, int participants, int women, int youth, int goalsDone,
        int goalsDue) {
}
