package id.kriyanusa.programme;

/** Where a follow-up goal stands. */
public enum FollowUpGoalStatus {

    PLANNED, IN_PROGRESS, DONE, DROPPED;

    /** Not yet done nor given up, so it can fall overdue. */
    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }

}
