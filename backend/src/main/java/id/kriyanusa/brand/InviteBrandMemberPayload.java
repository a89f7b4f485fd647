package id.kriyanusa.brand;

import java.util.List;

import id.kriyanusa.platform.graphql.UserError;

/** The result of inviting someone to a brand. */
public record InviteBrandMemberPayload(BrandInvitation invitation, List<UserError> userErrors) {
}
