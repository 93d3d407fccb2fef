package nl.weerbaar.kit.geo;

/** Great-circle distance (haversine) in kilometres; computed in Java because not every MongoDB server has geo. */
public final class Distance {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private Distance() {
    }

    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
        return EARTH_RADIUS_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /**
     * A lower bound of {@link #km} between two points at these latitudes, whatever their longitudes: the
     * north-south arc. No trigonometry, so a search can skip most far points before it computes a distance.
     */
    public static double atLeastKm(double lat1, double lat2) {
        return EARTH_RADIUS_KM * Math.toRadians(Math.abs(lat2 - lat1));
    }
}
