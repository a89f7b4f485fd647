package id.kriyanusa.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.engagement.internal.FavouriteRepository;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;

/**
 * A buyer saves products and brands, finds them in `myFavourites` and sees
 * `viewerHasFavourited` on them; what is not public cannot be saved and leaves the list,
 * and an account keeps only so many.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FavouriteIntegrationTest {

    static final String ADD = "mutation($input: FavouriteInput!) { addFavourite(input: $input) { "
            + "product { slug viewerHasFavourited } brand { slug viewerHasFavourited } userErrors { field code } } }";

    static final String REMOVE = "mutation($input: FavouriteInput!) { removeFavourite(input: $input) { "
            + "product { slug viewerHasFavourited } brand { slug } userErrors { field code } } }";

    static final String MINE = "{ myFavourites { products { slug } brands { slug } } }";

    static final String SUBJECTS = "query($product: String!, $brand: String!) { "
            + "product(slug: $product) { id viewerHasFavourited } brand(slug: $brand) { id viewerHasFavourited } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FavouriteRepository repository;

    @Autowired
    Products products;

    @Autowired
    Brands brands;

    ApiClient client(int lastByte) throws Exception {
        return new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.22." + lastByte)));
    }

    String subjects(ApiClient api, String token) throws Exception {
        return api.query(SUBJECTS,
                Map.of("product", InquiryIntegrationTest.PRODUCT, "brand", InquiryIntegrationTest.BRAND), token);
    }

    @Test
    void aBuyerSavesAProductAndABrandAndFindsThemAgain() throws Exception {
        var api = client(1);
        var buyer = api.signUp("BUYER");
        var before = subjects(api, buyer);
        String product = JsonPath.read(before, "$.data.product.id");
        String brand = JsonPath.read(before, "$.data.brand.id");
        assertThat((Boolean) JsonPath.read(before, "$.data.product.viewerHasFavourited")).isFalse();
        assertThat((Object) JsonPath.read(subjects(api, null), "$.data.product.viewerHasFavourited"))
            .as("nothing to tell a signed-out visitor")
            .isNull();

        var saved = api.mutate(ADD, Map.of("subjectId", product), buyer);
        assertThat((Boolean) JsonPath.read(saved, "$.data.addFavourite.product.viewerHasFavourited")).isTrue();
        assertThat(ApiClient.outcome(api.mutate(ADD, Map.of("subjectId", product), buyer), "addFavourite"))
            .as("saving twice is fine")
            .isEqualTo("ok");
        assertThat(ApiClient.outcome(api.mutate(ADD, Map.of("subjectId", brand), buyer), "addFavourite"))
            .isEqualTo("ok");

        var mine = api.query(MINE, Map.of(), buyer);
        assertThat((List<String>) JsonPath.read(mine, "$.data.myFavourites.products[*].slug"))
            .containsExactly(InquiryIntegrationTest.PRODUCT);
        assertThat((List<String>) JsonPath.read(mine, "$.data.myFavourites.brands[*].slug"))
            .containsExactly(InquiryIntegrationTest.BRAND);
        var after = subjects(api, buyer);
        assertThat((Boolean) JsonPath.read(after, "$.data.brand.viewerHasFavourited")).isTrue();
        assertThat((Boolean) JsonPath.read(subjects(api, api.signUp("BUYER")), "$.data.product.viewerHasFavourited"))
            .as("another account saved nothing")
            .isFalse();

        var removed = api.mutate(REMOVE, Map.of("subjectId", product), buyer);
        assertThat((Boolean) JsonPath.read(removed, "$.data.removeFavourite.product.viewerHasFavourited")).isFalse();
        assertThat((List<String>) JsonPath.read(api.query(MINE, Map.of(), buyer), "$.data.myFavourites.products"))
            .isEmpty();
    }

    @Test
    void onlyPublicThingsAreSavedAndListed() throws Exception {
        var api = client(2);
        var buyer = api.signUp("BUYER");
        long draft = jdbc.sql("select id from product where status = 'DRAFT' limit 1").query(Long.class).single();
        for (var subject : List.of(new GlobalId("Product", draft).encode(), new GlobalId("Village", 1).encode(),
                "not-an-id")) {
            assertThat(ApiClient.outcome(api.mutate(ADD, Map.of("subjectId", subject), buyer), "addFavourite"))
                .isEqualTo("userError:NOT_FOUND");
        }
        assertThat(ApiClient.outcome(api.mutate(MINE.replace("{ myFavourites", "query { myFavourites"), Map.of(), null),
                "myFavourites"))
            .isEqualTo("UNAUTHORIZED");

        // a product saved while on sale leaves the list when it is taken off sale
        String product = JsonPath.read(subjects(api, buyer), "$.data.product.id");
        api.mutate(ADD, Map.of("subjectId", product), buyer);
        var key = GlobalId.decode(product).key();
        jdbc.sql("update product set status = 'ARCHIVED' where id = ?").param(key).update();
        try {
            assertThat((List<String>) JsonPath.read(api.query(MINE, Map.of(), buyer), "$.data.myFavourites.products"))
                .isEmpty();
        }
        finally {
            jdbc.sql("update product set status = 'PUBLISHED' where id = ?").param(key).update();
        }
        assertThat((List<String>) JsonPath.read(api.query(MINE, Map.of(), buyer), "$.data.myFavourites.products"))
            .hasSize(1);
    }

    /**
     * The limit is a setting (500); a service with a limit of one shows it without saving
     * 500 things first.
     */
    @Test
    void anAccountKeepsOnlySoMany() throws Exception {
        var api = client(3);
        var email = ApiClient.unique("penyimpan") + "@contoh.id";
        api.signUp(email, "BUYER");
        var ids = subjects(api, null);
        var account = jdbc.sql("select id from account where email = ?").param(email).query(Long.class).single();
        var jwt = Jwt.withTokenValue("test").header("alg", "none").subject(String.valueOf(account)).build();
        SecurityContextHolder.getContext()
            .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_BUYER"))));
        try {
            var favourites = new Favourites(repository, products, brands, 1);
            assertThat(favourites.add(JsonPath.read(ids, "$.data.product.id")).userErrors()).isEmpty();
            assertThat(favourites.add(JsonPath.read(ids, "$.data.brand.id")).userErrors()).extracting(UserError::code)
                .containsExactly(UserErrorCode.TOO_MANY);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

}
