package id.kriyanusa.platform;

/**
 * Distances on the earth as Elasticsearch's geo_distance measures them, to check "near"
 * searches against the database.
 */
public final class GreatCircle {

    private GreatCircle() {
    }

    /** Kilometres between two points given in degrees (haversine, mean earth radius). */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

}
