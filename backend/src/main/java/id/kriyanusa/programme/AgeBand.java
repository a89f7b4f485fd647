package id.kriyanusa.programme;

/**
 * A participant's age group, as the department reports youth participation. Youth
 * (pemuda) is what Indonesia's law on youth says, UU 40/2009: 16 to 30 years old; this is
 * the one place that decides which participants count as young. The first two bands were
 * recorded before and are kept as they were: UNDER_25 lies within youth (a training takes
 * no one under 16), AGED_25_TO_39 cannot be split and counts as not young.
 */
public enum AgeBand {

    UNDER_25(true), AGED_25_TO_39(false), AGED_16_TO_30(true), AGED_31_TO_39(false), AGED_40_TO_54(false),
    AGED_55_AND_OVER(false);

    private final boolean youth;

    AgeBand(boolean youth) {
        this.youth = youth;
    }

    /** Whether someone in this band is young by UU 40/2009 (16 to 30 years old). */
    public boolean youth() {
        return youth;
    }

    /**
     * Whether the band was recorded before youth followed the law: readable, no longer
     * offered.
     */
    public boolean retired() {
        return this == UNDER_25 || this == AGED_25_TO_39;
    }

}
