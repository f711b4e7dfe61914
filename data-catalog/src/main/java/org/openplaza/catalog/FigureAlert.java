package org.openplaza.catalog;

/**
 * A user's alert on a dashboard's key figure: told when its latest value goes above (or below)
 * the threshold; {@code beyond} says whether it was past the threshold when last looked at.
 */
public record FigureAlert(
        long id,
        long tileId,
        long dashboardId,
        String tileTitle,
        FigureAlert.Direction direction,
        double threshold,
        boolean beyond) {

    public enum Direction {
        ABOVE,
        BELOW;

        /** Whether a value is past the threshold this way. */
        public boolean beyond(double value, double threshold) {
            return this == ABOVE ? value > threshold : value < threshold;
        }
    }
}
