package id.kriyanusa.engagement;

/**
 * Where the confirmation link mailed to a guest stands, read without using it: the page
 * it opens tells a guest who comes back that the message went out already.
 */
public enum InquiryConfirmation {

    /** Not pressed yet: the inquiry is held until the guest confirms. */
    WAITING,

    /** Pressed: the inquiry reached the brand. */
    CONFIRMED,

    /** Not pressed within its day: the inquiry must be sent again. */
    EXPIRED

}
