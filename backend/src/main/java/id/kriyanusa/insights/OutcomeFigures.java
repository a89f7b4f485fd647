package id.kriyanusa.insights;

/**
 * What the department counts for a village or a group of villages.
 * {@code productsPublished} counts every brand's; buyers see only the verified brands'
 * ({@code productsSeenByBuyers}), and the rest ({@code productsOfUnverifiedBrands}) wait
 * for their brand's verification. {@code inquiries}, {@code inquiriesAnswered} and
 * {@code whatsAppTaps} are buyers' contacts with the brands there, counted without who
 * made them; {@code goalsDue} are open follow-up goals past their due date (overdue);
 * women and youth count only participants who gave their gender or age band.
 * {@code artisans}, {@code artisansWomen} and {@code artisansYouth} are what the
 * registered brands give on their pages, as counts. Youth is 16 to 30 years old for both,
 * as UU 40/2009 says ({@link id.kriyanusa.programme.AgeBand}).
 */
public record OutcomeFigures(int brandsRegistered, int brandsVerified, int productsPublished, int inquiries,
        int inquiriesAnswered, int whatsAppTaps, int goalsDone, int goalsDue, int participants, int women, int youth,
        int artisans, int artisansWomen, int artisansYouth, int productsSeenByBuyers, int productsOfUnverifiedBrands) {

    public static final OutcomeFigures NONE = new OutcomeFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public OutcomeFigures plus(OutcomeFigures other) {
        return new OutcomeFigures(brandsRegistered + other.brandsRegistered, brandsVerified + other.brandsVerified,
                productsPublished + other.productsPublished, inquiries + other.inquiries,
                inquiriesAnswered + other.inquiriesAnswered, whatsAppTaps + other.whatsAppTaps,
                goalsDone + other.goalsDone, goalsDue + other.goalsDue, participants + other.participants,
                women + other.women, youth + other.youth, artisans + other.artisans,
                artisansWomen + other.artisansWomen, artisansYouth + other.artisansYouth,
                productsSeenByBuyers + other.productsSeenByBuyers,
                productsOfUnverifiedBrands + other.productsOfUnverifiedBrands);
    }

}
