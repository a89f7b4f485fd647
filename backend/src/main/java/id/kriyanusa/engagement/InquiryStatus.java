package id.kriyanusa.engagement;

/** Where an inquiry stands in the brand's inbox. */
public enum InquiryStatus {

    OPEN, ANSWERED, DONE

}
