package id.kriyanusa.catalog;

import java.time.OffsetDateTime;
import java.util.Objects;

import id.kriyanusa.platform.LocalizedText;

/**
 * One change of a category, as recorded: what was done, the note given, who did it and
 * when; for a rename, move or reorder also where the category stood before and after
 * (null in changes recorded before the portal kept them).
 *
 * @param changedBy the account of the curator or admin
 */
public record CategoryChange(long id, long categoryId, Action action, String note, long changedBy,
        OffsetDateTime changedAt, Standing before, Standing after) {

    public enum Action {

        CREATED, UPDATED, RETIRED, RESTORED

    }

    /**
     * What a category is called and where it stands: its parent (null at the top level)
     * and its position among its siblings.
     */
    public record Standing(LocalizedText name, Long parentId, int position) {
    }

    /** The names before and after a rename. */
    public record Rename(LocalizedText from, LocalizedText to) {
    }

    /** The parents before and after a move, null for the top level. */
    public record Move(Long from, Long to) {
    }

    /** The positions among its siblings before and after. */
    public record Reorder(int from, int to) {
    }

    /** The rename this change made, null when it made none or was recorded without it. */
    public Rename renamed() {
        return recorded() && !before.name().equals(after.name()) ? new Rename(before.name(), after.name()) : null;
    }

    /** The move this change made, null when it made none or was recorded without it. */
    public Move moved() {
        return recorded() && !Objects.equals(before.parentId(), after.parentId())
                ? new Move(before.parentId(), after.parentId()) : null;
    }

    /**
     * The new position this change gave, null when it gave none or was recorded without
     * it.
     */
    public Reorder reordered() {
        return recorded() && before.position() != after.position() ? new Reorder(before.position(), after.position())
                : null;
    }

    private boolean recorded() {
        return before != null && after != null;
    }

}
