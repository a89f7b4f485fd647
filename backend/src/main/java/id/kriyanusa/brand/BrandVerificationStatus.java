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

    /**
     * Whether the brand's members may still change what the department verifies: its
     * name, legal form and village. Only a draft (a new one, or one a curator sent back)
     * is still theirs to change; once submitted or verified, the department checked them.
     */
    public boolean keepsItsIdentityOpen() {
        return this == DRAFT;
    }

}
