package id.kriyanusa.insights;

/**
 * What the department counts for a village or a group of villages. {@code goalsDue} are
 * open follow-up goals past their due date (overdue); women and youth (under 25) count
 * only participants who gave their gender or age band.
 */
public record OutcomeFigures(int brandsRegistered, int brandsVerified, int productsPublished, int goalsDone,
        int goalsDue, int participants, int women, int youth) {

    public static final OutcomeFigures NONE = new OutcomeFigures(0, 0, 0, 0, 0, 0, 0, 0);

    public OutcomeFigures plus(OutcomeFigures other) {
        return new OutcomeFigures(brandsRegistered + other.brandsRegistered, brandsVerified + other.brandsVerified,
                productsPublished + other.productsPublished, goalsDone + other.goalsDone, goalsDue + other.goalsDue,
                participants + other.participants, women + other.women, youth + other.youth);
    }

}
