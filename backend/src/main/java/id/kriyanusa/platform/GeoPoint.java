package id.kriyanusa.platform;

/** A place on the map, in WGS84 degrees. */
public record GeoPoint(double lat, double lon) {

    public static GeoPoint of(Double lat, Double lon) {
        return lat == null || lon == null ? null : new GeoPoint(lat, lon);
    }
}
