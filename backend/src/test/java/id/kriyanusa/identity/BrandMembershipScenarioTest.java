package id.kriyanusa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.BrandLegalForm;
import id.kriyanusa.brand.BrandMemberJoined;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.identity.internal.AccountRepository;
import id.kriyanusa.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Joining a brand makes an account a producer: brand publishes {@link BrandMemberJoined}
 * with the new membership, identity grants the role in the same transaction. Identity
 * with the modules it depends on (brand, village, platform), against the real PostgreSQL
 * the rest of the suite uses.
 */
// identity depends on brand through its event and interface, not a bean, so brand and
// what brand needs are named
@ApplicationModuleTest(extraIncludes = { "brand", "village", "platform" })
@ActiveProfiles("demo")
// the search module, whose indicator the readiness group names, is not part of this slice
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class BrandMembershipScenarioTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Brands brands;

    @Autowired
    AccountRepository accountRows;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void whoCreatesABrandIsItsProducerOnceTheBrandIsSaved(Scenario scenario) {
        var creator = buyer();
        signIn(creator);

        scenario.stimulate(() -> brands.create(brand()))
            .andWaitForEventOfType(BrandMemberJoined.class)
            .matching(joined -> joined.accountId() == creator)
            .toArriveAndVerify((joined, payload) -> {
                assertThat(payload.userErrors()).isEmpty();
                assertThat(joined.brand().value()).isEqualTo(payload.brand().id());
                assertThat(roles(creator)).contains(Role.PRODUCER);
            });
    }

    @Test
    void whoAcceptsAnInvitationIsAProducerOfTheBrand(Scenario scenario) {
        var owner = buyer();
        signIn(owner);
        var brand = brands.create(brand()).brand();
        var invitee = buyer();
        var email = accounts.byId(invitee).orElseThrow().email();
        var token = brands.invite(new BrandId(brand.id()), email).invitation().token();
        assertThat(roles(invitee)).as("invited, not yet a member").doesNotContain(Role.PRODUCER);
        // accepting asks for a confirmed address, as opening the mailed link confirms it
        accountRows.markEmailVerified(invitee);
        signIn(invitee);

        scenario.stimulate(() -> brands.acceptInvitation(new Brands.AcceptInvitationInput(token)))
            .andWaitForEventOfType(BrandMemberJoined.class)
            .matching(joined -> joined.accountId() == invitee)
            .toArriveAndVerify((joined, payload) -> {
                assertThat(payload.userErrors()).isEmpty();
                assertThat(joined.brand().value()).isEqualTo(brand.id());
                assertThat(roles(invitee)).contains(Role.PRODUCER);
            });
    }

    // ---- helpers

    private long buyer() {
        var email = "anggota-" + UUID.randomUUID() + "@kriyanusa.test";
        return accounts
            .register(new Accounts.RegisterInput(email, "rahasia-sekali", "Anggota", Accounts.SignUpRole.BUYER),
                    "127.0.0.1")
            .session()
            .account()
            .id();
    }

    private Brands.CreateBrandInput brand() {
        var slug = "uji-anggota-" + UUID.randomUUID().toString().substring(0, 8);
        return new Brands.CreateBrandInput("Kelompok " + slug, slug, BrandLegalForm.KELOMPOK_PENGRAJIN, "semoyang",
                null, null, null, null, null, null, new Brands.ContactsInput("0812-3456-7890", null, null, null), null,
                null, null);
    }

    private Set<Role> roles(long accountId) {
        return accounts.byId(accountId).orElseThrow().roles();
    }

    private static void signIn(long accountId) {
        var jwt = Jwt.withTokenValue("test").header("alg", "none").subject(String.valueOf(accountId)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }

}
