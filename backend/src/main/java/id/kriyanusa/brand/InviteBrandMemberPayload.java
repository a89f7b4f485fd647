package id.kriyanusa.brand;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/**
 * The result of inviting someone to a brand.
 *
 * @param renewed whether an invitation to the address was open already: it was mailed
 * again and runs for the full validity from now, with the same link
 */
public record InviteBrandMemberPayload(BrandInvitation invitation, boolean renewed, List<UserError> userErrors) {

    static InviteBrandMemberPayload failed(UserError error) {
        return new InviteBrandMemberPayload(null, false, List.of(error));
    }

}
