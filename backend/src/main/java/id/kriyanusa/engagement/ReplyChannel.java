package id.kriyanusa.engagement;

/** How a buyer would like the brand to answer. */
public enum ReplyChannel {

    EMAIL, WHATSAPP, PHONE;

    /** WhatsApp and phone answers need the number to call or write to. */
    public boolean needsNumber() {
        return this != EMAIL;
    }

}
