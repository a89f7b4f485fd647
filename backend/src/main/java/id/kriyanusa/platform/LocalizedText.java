package id.kriyanusa.platform;

/** Text written in Indonesian and, when the producer or curator provided it, English. */
public record LocalizedText(String id, String en) {

    public static LocalizedText of(String id, String en) {
        return id == null && en == null ? null : new LocalizedText(id, en);
    }
}
