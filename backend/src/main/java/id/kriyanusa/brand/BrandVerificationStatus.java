package id.kriyanusa.brand;

/**
 * Where a brand stands in the department's verification: DRAFT -> SUBMITTED -> VERIFIED,
 * or back to DRAFT when a curator rejects it; a curator may SUSPEND a brand with a reason
 * and reinstate it by verifying it again.
 */
public enum BrandVerificationStatus {

    DRAFT, SUBMITTED, VERIFIED, SUSPENDED;

    /**
     * Only verified brands are public; the others are seen by their members and
     * department staff.
     */
    public boolean isPublic() {
        return this == VERIFIED;
    }

}
