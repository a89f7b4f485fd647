package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A client that kept only an object's id finds it again with `node(id)`, under the same
 * visibility rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class NodeIntegrationTest {

    static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id
              ... on Village { slug } ... on Brand { slug } ... on Product { slug } ... on Collection { slug } } }""";

    @LocalServerPort
    int port;

    String node(ApiClient api, String id, String token) throws Exception {
        return api.query(NODE, Map.of("id", id), token);
    }

    @Test
    void everyListedObjectIsFoundAgainByItsId() throws Exception {
        var api = new ApiClient(port);
        var lists = api.query("""
                { villages(first: 1) { edges { node { id slug } } }
                  brands(first: 1) { edges { node { id slug } } }
                  products(first: 1) { edges { node { id slug } } }
                  collections(first: 1) { edges { node { id slug } } } }""", Map.of(), null);
        for (var type : Map
            .of("villages", "Village", "brands", "Brand", "products", "Product", "collections", "Collection")
            .entrySet()) {
            String id = JsonPath.read(lists, "$.data." + type.getKey() + ".edges[0].node.id");
            String slug = JsonPath.read(lists, "$.data." + type.getKey() + ".edges[0].node.slug");
            var found = node(api, id, null);
            assertThat((String) JsonPath.read(found, "$.data.node.__typename")).isEqualTo(type.getValue());
            assertThat((String) JsonPath.read(found, "$.data.node.slug")).isEqualTo(slug);
        }
    }

    @Test
    void aDraftBrandIsNoNodeForVisitorsButIsForItsMembers() throws Exception {
        var api = new ApiClient(port);
        var producer = api.signUp("PRODUCER");
        var created = api.mutate("""
                mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors {
                    code } } }""", Map.of("name", "Kelompok Simpul", "slug", ApiClient.unique("simpul"), "legalForm",
                "KELOMPOK_PENGRAJIN", "villageSlug", "beleka"), producer);
        String id = JsonPath.read(created, "$.data.createBrand.brand.id");

        assertThat((Object) JsonPath.read(node(api, id, null), "$.data.node")).isNull();
        assertThat((String) JsonPath.read(node(api, id, producer), "$.data.node.id")).isEqualTo(id);
    }

    @Test
    void unknownAndMalformedIdsAreToldApart() throws Exception {
        var api = new ApiClient(port);
        var unknownType = node(api, new GlobalId("Rahasia", 1).encode(), null);
        assertThat((Object) JsonPath.read(unknownType, "$.data.node")).isNull();
        var missing = node(api, new GlobalId("Village", 987_654_321).encode(), null);
        assertThat((Object) JsonPath.read(missing, "$.data.node")).isNull();
        var malformed = node(api, "bukan id!", null);
        assertThat((String) JsonPath.read(malformed, "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
    }

}
