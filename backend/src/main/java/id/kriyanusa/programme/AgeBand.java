package id.kriyanusa.programme;

/** A participant's age group, as the department reports youth participation. */
public enum AgeBand {

    UNDER_25, AGED_25_TO_39, AGED_40_TO_54, AGED_55_AND_OVER

}
