package id.kriyanusa.identity;

import id.kriyanusa.platform.security.Role;

/** The department's roles, which only an admin grants and revokes. */
public enum StaffRole {

    CURATOR, ADMIN;

    public Role role() {
        return Role.valueOf(name());
    }

}
