package id.kriyanusa.web;

import java.util.List;

import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.UserError;

/**
 * Page addresses: slugs made from names, for forms that let the address be left empty,
 * and where a form that added something sends the user.
 */
final class PageAddresses {

    private PageAddresses() {
    }

    /**
     * The address for something named so: lower-case ASCII letters and digits joined by
     * single hyphens ("Kelompok Daun Emas" is kelompok-daun-emas); the API checks it is
     * free.
     */
    static String slugOf(String name) {
        return Slugs.of(name, InputErrors.MAX_SLUG);
    }

    /**
     * The problems to show for a form whose address, left empty, is made from its name:
     * with neither typed, the name is what to fill in, so what the API says about the
     * address made from no name is left out (a name that makes no address, "???", keeps
     * it: then the address is what to fill in).
     */
    static List<UserError> withoutAddressOfNoName(String typedAddress, String typedName, List<UserError> problems) {
        if (!blank(typedAddress) || !blank(typedName)) {
            return problems;
        }
        return problems.stream().filter(problem -> !"input.slug".equals(problem.field())).toList();
    }

    /**
     * Where to send the user once a form that opens at `#baru` (the console's "add"
     * forms, refused at their problems) added something: the new thing's page, at its
     * content (the layout's `#isi`). A redirect without a fragment of its own keeps the
     * form's, which would stay in the address bar and point the new page at an empty
     * form.
     */
    static String added(String page) {
        return page + "#isi";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
