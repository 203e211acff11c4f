package org.yiwang.geo.internal;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

class EqualAreaProjectionTests {

    /** Area of a latitude/longitude quadrangle on the WGS-84 ellipsoid, in closed form. */
    static double quadrangle(double west, double south, double east, double north) {
        double e = Math.sqrt(EqualAreaProjection.E2);
        double b = EqualAreaProjection.A * (1 - EqualAreaProjection.F);
        return b * b * Math.toRadians(east - west) / 2 * (q(Math.toRadians(north), e) - q(Math.toRadians(south), e));
    }

    static double q(double phi, double e) {
        double s = Math.sin(phi);
        return s / (1 - e * e * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
    }

    static Polygon box(double west, double south, double east, double north) {
        return Geometries.FACTORY.createPolygon(new Coordinate[]{
                new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
                new Coordinate(west, north), new Coordinate(west, south)});
    }

    @Test
    void gridSizedQuadrangleMatchesTheEllipsoidToAMillionth() {
        double exact = quadrangle(118.79, 32.02, 118.80, 32.03);
        assertThat(exact).isBetween(1.0e6, 1.1e6);
        assertThat(EqualAreaProjection.squareMetres(box(118.79, 32.02, 118.80, 32.03))).isCloseTo(exact, withPercentage(1e-4));
    }

    @Test
    void districtSizedQuadrangleMatchesTheEllipsoidToAHundredThousandth() {
        double exact = quadrangle(118.5, 31.8, 119.1, 32.3);
        assertThat(EqualAreaProjection.squareMetres(box(118.5, 31.8, 119.1, 32.3))).isCloseTo(exact, withPercentage(1e-3));
    }

    @Test
    void metreSquareNearTheEquatorIsOneSquareMetre() {
        double degree = 1 / 111_319.49; // one metre of longitude at the equator
        assertThat(EqualAreaProjection.squareMetres(box(0, 0, degree, 1 / 110_574.0))).isCloseTo(1.0, within(0.01));
    }

    @Test
    void holesAreSubtractedAndPartsAdded() {
        Polygon outer = box(118.79, 32.02, 118.80, 32.03);
        Polygon hole = box(118.792, 32.022, 118.794, 32.024);
        Geometry withHole = outer.difference(hole);
        assertThat(EqualAreaProjection.squareMetres(withHole))
                .isCloseTo(EqualAreaProjection.squareMetres(outer) - EqualAreaProjection.squareMetres(hole), within(0.01));
        Geometry two = Geometries.FACTORY.createMultiPolygon(new Polygon[]{outer, box(118.81, 32.02, 118.82, 32.03)});
        assertThat(EqualAreaProjection.squareMetres(two)).isCloseTo(2 * EqualAreaProjection.squareMetres(outer), withPercentage(1e-6));
    }

    @Test
    void areaDoesNotDependOnLongitudeButOnLatitude() {
        double here = EqualAreaProjection.squareMetres(box(118.79, 32.02, 118.80, 32.03));
        assertThat(EqualAreaProjection.squareMetres(box(-70.01, 32.02, -70.0, 32.03))).isCloseTo(here, withPercentage(1e-9));
        assertThat(EqualAreaProjection.squareMetres(box(118.79, 52.02, 118.80, 52.03))).isLessThan(here * 0.8);
    }

    @Test
    void pointsLinesAndNothingHaveNoArea() {
        assertThat(EqualAreaProjection.squareMetres(Geometries.FACTORY.createPoint(new Coordinate(118.8, 32)))).isZero();
        assertThat(EqualAreaProjection.squareMetres(box(0, 0, 1, 1).getExteriorRing())).isZero();
        assertThat(EqualAreaProjection.squareMetres(null)).isZero();
    }

    @Test
    void projectionLeavesTheInputAlone() {
        Polygon input = box(118.79, 32.02, 118.80, 32.03);
        EqualAreaProjection.project(input);
        assertThat(input.getCoordinate().x).isEqualTo(118.79);
    }
}
