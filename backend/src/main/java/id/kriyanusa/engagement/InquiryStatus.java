package id.kriyanusa.engagement;

/** Where an inquiry stands in the brand's inbox. */
public enum InquiryStatus {

    /** A guest's inquiry waiting for the link mailed to them: not in the inbox yet. */
    HELD,

    OPEN, ANSWERED, DONE

}
