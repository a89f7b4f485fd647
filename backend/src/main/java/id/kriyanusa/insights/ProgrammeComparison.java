package id.kriyanusa.insights;

/**
 * A programme's participants' outcomes in a period from its start on (by default up to
 * today), against as many days right before its start. The artisans of both periods are
 * those of the brands recorded before the start: a brand registered later has no figure
 * from before, and counting its whole workforce as a rise would credit the programme with
 * jobs the data cannot show. Those brands are counted apart, with their artisans at the
 * end of {@code after}.
 */
public record ProgrammeComparison(PeriodOutcome before, PeriodOutcome after, int brandsRecordedLater,
        int artisansRecordedLater) {
}
