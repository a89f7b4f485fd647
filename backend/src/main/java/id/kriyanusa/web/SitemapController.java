package id.kriyanusa.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sitemaps search engines read: `/sitemap.xml` is an index of one file per kind of
 * public page (villages, brands, products, collections), each address with its English
 * alternate and, where known, when it last changed. Built as an anonymous visitor sees
 * the site, so a signed-in curator never publishes a draft by opening it, and kept for
 * ten minutes.
 */
@RestController
class SitemapController {

    /** A sitemap file holds at most 50,000 addresses (sitemaps.org). */
    private static final int MOST_ADDRESSES = 50_000;

    private static final MediaType XML = MediaType.APPLICATION_XML;

    /**
     * The public kinds of page: their sitemap name, path and the document listing them.
     */
    private enum Kind {

        DESA("/desa/", "sitemapVillages", "villages"), MEREK("/merek/", "sitemapBrands", "brands"),
        PRODUK("/produk/", "sitemapProducts", "products"), KOLEKSI("/koleksi/", "sitemapCollections", "collections");

        private final String path;

        private final String document;

        private final String field;

        Kind(String path, String document, String field) {
            this.path = path;
            this.document = document;
            this.field = field;
        }

        String file() {
            return "sitemap-" + name().toLowerCase() + ".xml";
        }

    }

    private record Address(String path, String lastModified) {
    }

    private final GraphQlClient graphQl;

    private final Cache<String, List<Address>> addresses = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMinutes(10))
        .build();

    SitemapController(GraphQlClient graphQl) {
        this.graphQl = graphQl;
    }

    @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> index() {
        var base = base();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("  <sitemap><loc>").append(base).append("/sitemap-halaman.xml</loc></sitemap>\n");
        for (var kind : Kind.values()) {
            xml.append("  <sitemap><loc>").append(base).append('/').append(kind.file()).append("</loc>");
            addressesOf(kind).stream()
                .map(Address::lastModified)
                .filter(modified -> modified != null)
                .max(String::compareTo)
                .ifPresent(latest -> xml.append("<lastmod>").append(latest).append("</lastmod>"));
            xml.append("</sitemap>\n");
        }
        return sitemap(xml.append("</sitemapindex>\n"));
    }

    /**
     * The pages that are not a village, brand or product: the home page and the
     * directories.
     */
    @GetMapping(path = "/sitemap-halaman.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> pages() {
        return urlSet(List.of(new Address("/", null), new Address("/cari", null)));
    }

    @GetMapping(path = "/sitemap-{kind:desa|merek|produk|koleksi}.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> kind(@PathVariable String kind) {
        return urlSet(addressesOf(Kind.valueOf(kind.toUpperCase())));
    }

    private ResponseEntity<String> urlSet(List<Address> listed) {
        var base = base();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
            .append("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (var address : listed) {
            var indonesian = base + address.path();
            var english = indonesian + (address.path().contains("?") ? "&amp;" : "?") + "lang=en";
            xml.append("  <url><loc>").append(indonesian).append("</loc>");
            if (address.lastModified() != null) {
                xml.append("<lastmod>").append(address.lastModified()).append("</lastmod>");
            }
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"id\" href=\"").append(indonesian).append("\"/>");
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"").append(english).append("\"/>");
            xml.append("</url>\n");
        }
        return sitemap(xml.append("</urlset>\n"));
    }

    private List<Address> addressesOf(Kind kind) {
        return addresses.get(kind.name(), name -> asAnonymousVisitor(kind));
    }

    /**
     * Pages through the kind's public list as a visitor who is not signed in; slugs are
     * lower-case letters, digits and hyphens, so they need no escaping in XML.
     */
    private List<Address> asAnonymousVisitor(Kind kind) {
        var caller = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            var listed = new ArrayList<Address>();
            String after = null;
            do {
                var variables = new HashMap<String, Object>();
                variables.put("after", after);
                Map<String, Object> page = graphQl.documentName(kind.document)
                    .variables(variables)
                    .retrieveSync(kind.field)
                    .toEntity(Map.class);
                for (var edge : (List<Map<String, Map<String, Object>>>) page.get("edges")) {
                    var node = edge.get("node");
                    listed.add(new Address(kind.path + node.get("slug"), day((String) node.get("updatedAt"))));
                }
                var pageInfo = (Map<String, Object>) page.get("pageInfo");
                after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
            }
            while (after != null && listed.size() < MOST_ADDRESSES);
            return List.copyOf(listed);
        }
        finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    private static String day(String timestamp) {
        return timestamp == null ? null : OffsetDateTime.parse(timestamp).toLocalDate().toString();
    }

    private static String base() {
        var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        if (base.contains("<") || base.contains("&") || base.contains("\"")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return base;
    }

    private static ResponseEntity<String> sitemap(StringBuilder xml) {
        return ResponseEntity.ok()
            .contentType(XML)
            .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
            .body(xml.toString());
    }

}
