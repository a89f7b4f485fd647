package id.kriyanusa.programme;

/** What a follow-up goal aims at. */
public enum FollowUpGoalKind {

    DEVELOP_PRODUCT, REGISTER_BRAND, OBTAIN_CERTIFICATION, REACH_MARKET

}
