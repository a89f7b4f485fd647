package id.kriyanusa.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * `robots.txt`: search engines index the storefront (villages, brands, products, search)
 * and leave the workspace, the console, the forms, the mailed links, the WhatsApp taps
 * (counted as buyers' contacts) and the API alone; the sitemap says where the
 * storefront's pages are.
 */
@RestController
class RobotsController {

    static final String ROBOTS = """
            User-agent: *
            Disallow: /dasbor
            Disallow: /akun
            Disallow: /produk/*/whatsapp
            Disallow: /merek/*/whatsapp
            Disallow: /kelola
            Disallow: /masuk
            Disallow: /daftar
            Disallow: /undangan
            Disallow: /lupa-sandi
            Disallow: /atur-ulang-sandi
            Disallow: /verifikasi-email
            Disallow: /pesan
            Disallow: /surat
            Disallow: /graphql
            Disallow: /graphiql
            Disallow: /actuator
            """;

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return ROBOTS + "Sitemap: "
                + ServletUriComponentsBuilder.fromCurrentContextPath().path("/sitemap.xml").toUriString() + "\n";
    }

}
