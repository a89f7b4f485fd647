package id.kriyanusa.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class StaffGraphQlController {

    private final StaffRoles staff;

    StaffGraphQlController(StaffRoles staff) {
        this.staff = staff;
    }

    @QueryMapping
    List<Account> staffMembers() {
        return staff.members();
    }

    @QueryMapping
    Connection<StaffRoleChange> staffRoleHistory(ScrollSubrange page) {
        return staff.history(OffsetPage.of(page));
    }

    @MutationMapping
    StaffRoles.StaffRolePayload grantStaffRole(@Argument StaffRoles.StaffRoleInput input, @Argument boolean dryRun) {
        return dryRun ? staff.checkGrant(input) : staff.grant(input);
    }

    @MutationMapping
    StaffRoles.StaffRolePayload revokeStaffRole(@Argument StaffRoles.StaffRoleInput input, @Argument boolean dryRun) {
        return dryRun ? staff.checkRevoke(input) : staff.revoke(input);
    }

    /** The accounts of a page of history in one query. */
    @BatchMapping(typeName = "StaffRoleChange", field = "account")
    Map<StaffRoleChange, Account> account(List<StaffRoleChange> changes) {
        var accounts = accounts(changes.stream().map(StaffRoleChange::accountId).toList());
        return changes.stream().collect(Collectors.toMap(Function.identity(), c -> accounts.get(c.accountId())));
    }

    @BatchMapping(typeName = "StaffRoleChange", field = "changedBy")
    Map<StaffRoleChange, Account> changedBy(List<StaffRoleChange> changes) {
        var byAdmins = changes.stream().filter(change -> change.changedBy() != null).toList();
        var accounts = accounts(byAdmins.stream().map(StaffRoleChange::changedBy).toList());
        return byAdmins.stream()
            .collect(Collectors.toMap(Function.identity(), change -> accounts.get(change.changedBy())));
    }

    private Map<Long, Account> accounts(Collection<Long> ids) {
        return staff.byIds(Set.copyOf(ids)).stream().collect(Collectors.toMap(Account::id, Function.identity()));
    }

}
