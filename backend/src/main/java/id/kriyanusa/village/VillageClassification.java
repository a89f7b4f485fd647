package id.kriyanusa.village;

/** The department's development stage of an industrial village. */
public enum VillageClassification {

    RINTISAN, BERKEMBANG, MAJU, MANDIRI

}
