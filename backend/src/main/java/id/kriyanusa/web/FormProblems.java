package id.kriyanusa.web;

import java.io.Serializable;
import java.util.List;

/**
 * What stopped a form, as sentences a person can act on; the template lists them all at
 * the top (linked to their fields) and each again beside its field
 * (`fragments/form.html`). Public for the templates' expressions; serializable, as a
 * flash attribute travels in the page session, which PostgreSQL keeps.
 *
 * @param all every problem, in the order the API gave them
 */
public record FormProblems(List<Problem> all) implements Serializable {

    static final FormProblems NONE = new FormProblems(List.of());

    /**
     * @param field the input field the problem concerns (the last part of its path), or
     * empty for the form as a whole
     * @param sentence what is wrong and what to do, in the visitor's language
     * @param address where the field is when it is on another page (the summary links
     * there), or null when it is on this one
     */
    public record Problem(String field, String sentence, String address) implements Serializable {

        public Problem(String field, String sentence) {
            this(field, sentence, null);
        }

    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The same problems, those of `field` linked to the page at `address`. */
    FormProblems on(String field, String address) {
        return new FormProblems(all.stream()
            .map(problem -> problem.field().equals(field) ? new Problem(field, problem.sentence(), address) : problem)
            .toList());
    }

    /** The sentence about one field, or null; templates use it beside the input. */
    public String of(String field) {
        return all.stream()
            .filter(problem -> problem.field().equals(field))
            .map(Problem::sentence)
            .findFirst()
            .orElse(null);
    }

}
