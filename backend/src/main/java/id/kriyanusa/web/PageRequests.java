package id.kriyanusa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * How the workspace and console pages talk to the API: they run its named documents
 * (`graphql-documents/`) in-process, so the services decide who may do what, exactly as
 * for an integrator. A refusal becomes the page a person understands: 403 for another
 * brand's things, 404 for an id that names nothing, and the API's `userErrors` become
 * sentences in the visitor's language beside the fields they concern.
 */
@Component
class PageRequests {

    /** No stored version is negative: versions count changes from 0. */
    private static final int NO_VERSION = -1;

    /** A version as the forms write it: digits, no more than the API's Int can hold. */
    private static final Pattern VERSION = Pattern.compile("\\d{1,10}");

    private final GraphQlClient graphQl;

    private final MessageSource messages;

    PageRequests(GraphQlClient graphQl, MessageSource messages) {
        this.graphQl = graphQl;
        this.messages = messages;
    }

    /**
     * Runs a named document; errors (not user errors) end in a 403, 404 or 500 page. A
     * variable may be null (not given).
     */
    ClientGraphQlResponse run(String document, Map<String, ?> variables) {
        var response = graphQl.documentName(document).variables(new HashMap<>(variables)).executeSync();
        refuseOnErrors(response);
        return response;
    }

    /**
     * A form's change, for a form whose fields the service judges each on its own: see
     * {@link #submit(String, String, Map, List, Map)}.
     */
    Submission submit(String document, String mutation, Map<String, ?> variables, List<UserError> unreadable) {
        return submit(document, mutation, variables, unreadable, Map.of());
    }

    /**
     * A form's change: the mutation of the named document (`mutation` is its field, such
     * as `updateBrand`) when the page could read every field, else only its dry run, with
     * the fields the page could not read left empty, so that a person sees what the
     * service says about the rest at once and nothing is saved. `unreadable` are the
     * page's user errors, at the API's paths of those fields; what the service says about
     * a field left empty for that reason gives way to them, and so does what it says
     * about the fields it judges against that one ({@code judgedAgainst}, declared by the
     * form: `input.price` to `input.wholesalePrice`), as it judged them against nothing.
     */
    Submission submit(String document, String mutation, Map<String, ?> variables, List<UserError> unreadable,
            Map<String, List<String>> judgedAgainst) {
        var sent = new HashMap<String, Object>(variables);
        sent.put("dryRun", !unreadable.isEmpty());
        var response = run(document, sent);
        var unread = new HashSet<String>();
        for (var error : unreadable) {
            unread.add(error.field());
            unread.addAll(judgedAgainst.getOrDefault(error.field(), List.of()));
        }
        var errors = new ArrayList<>(unreadable);
        userErrors(response, mutation + ".userErrors").stream()
            .filter(error -> !unread.contains(error.field()))
            .forEach(errors::add);
        return new Submission(response, errors);
    }

    /**
     * What a form's select sent: null when nothing was chosen (the API says whether it
     * needs a choice), the value when it is one of those {@code offered}; any other (a
     * form altered on its way) is unreadable: null, with an INVALID user error at the
     * field's API path in {@code unreadable}.
     */
    static String choice(String field, String chosen, List<String> offered, List<UserError> unreadable) {
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        if (!offered.contains(chosen)) {
            unreadable.add(UserError.of(field, UserErrorCode.INVALID, "Not one of the choices offered"));
            return null;
        }
        return chosen;
    }

    /**
     * The version an edit form was filled in from (its hidden `versi`), as the API's
     * `expectedVersion`. A form that lost it, or carries one no version can be (altered
     * on its way, or no number at all), was filled in from no version the portal keeps:
     * it is sent as one that never matches, so the service answers it as any stale form,
     * with a CONFLICT the page shows beside everything typed.
     */
    static int expectedVersion(String versi) {
        var version = versi == null ? "" : versi.strip();
        if (!VERSION.matcher(version).matches() || Long.parseLong(version) > Integer.MAX_VALUE) {
            return NO_VERSION;
        }
        return Integer.parseInt(version);
    }

    /**
     * Whether a form's checkbox was ticked: the pages' boxes send `true` when ticked and
     * nothing otherwise. Any other value (from an altered form) counts as a box left
     * empty.
     */
    static boolean ticked(String box) {
        return "true".equals(box);
    }

    /**
     * The answer to a form's change and every problem with it: saved when there is none.
     */
    record Submission(ClientGraphQlResponse response, List<UserError> userErrors) {

        boolean saved() {
            return userErrors.isEmpty();
        }

    }

    /**
     * Refuses (403 page) a caller who holds none of these roles, as `me { roles }` of the
     * page's document says now: the console's pages ask this first.
     */
    static void requireAnyRole(ClientGraphQlResponse page, String... roles) {
        List<String> held = page.field("me.roles").toEntityList(String.class);
        if (Arrays.stream(roles).noneMatch(held::contains)) {
            throw new AccessDeniedException("This page is for " + String.join(" or ", roles));
        }
    }

    /**
     * The user errors at `path` (for example `updateProduct.userErrors`) of a response.
     */
    static List<UserError> userErrors(ClientGraphQlResponse response, String path) {
        return response.field(path).toEntityList(UserError.class);
    }

    /**
     * User errors as sentences: `{area}.error.CODE.field`, else `{area}.error.CODE`, else
     * `form.error.CODE`, else `{area}.error.other`, else `form.error.other`. An area may
     * be one step of a wider one (`categories.retire`): its own sentences come first,
     * then the wider area's. The field is the last part of the error's path
     * (`input.price.amount` is `amount`); `arguments` fill the messages' placeholders.
     */
    FormProblems problems(String area, List<UserError> errors, Object... arguments) {
        var locale = LocaleContextHolder.getLocale();
        var areas = new ArrayList<>(List.of(area));
        while (areas.getLast().contains(".")) {
            areas.add(areas.getLast().substring(0, areas.getLast().lastIndexOf('.')));
        }
        var others = new ArrayList<String>();
        areas.forEach(each -> others.add(each + ".error.other"));
        others.add("form.error.other");
        var fallback = first(locale, arguments, others.toArray(String[]::new));
        return new FormProblems(errors.stream().map(error -> {
            var field = error.field() == null ? "" : error.field().substring(error.field().lastIndexOf('.') + 1);
            var code = String.valueOf(error.code());
            var keys = new ArrayList<String>();
            areas.forEach(each -> keys.addAll(List.of(each + ".error." + code + "." + field, each + ".error." + code)));
            keys.add("form.error." + code);
            var sentence = first(locale, arguments, keys.toArray(String[]::new));
            return new FormProblems.Problem(field, sentence != null ? sentence : fallback);
        }).distinct().toList());
    }

    private String first(Locale locale, Object[] arguments, String... keys) {
        for (var key : keys) {
            var sentence = messages.getMessage(key, arguments, null, locale);
            if (sentence != null) {
                return sentence;
            }
        }
        return null;
    }

    private static void refuseOnErrors(ClientGraphQlResponse response) {
        if (response.getErrors().isEmpty()) {
            return;
        }
        var error = response.getErrors().getFirst();
        if (error.getErrorType() == ErrorType.FORBIDDEN || error.getErrorType() == ErrorType.UNAUTHORIZED) {
            throw new AccessDeniedException(error.getMessage());
        }
        if (error.getErrorType() == ErrorType.NOT_FOUND || error.getErrorType() == ErrorType.BAD_REQUEST) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        throw new IllegalStateException("A page's request failed: " + error.getMessage());
    }

}
