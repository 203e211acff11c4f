package org.yiwang.registry;

/** A component (部件) of the catalog at a point, as typed: its 5-digit category code, identifier and owner. */
public record ComponentForm(String categoryCode, String identifier, String owner, Double lon, Double lat) {

    public RegisteredComponent.Details details() {
        return new RegisteredComponent.Details(Fields.required("categoryCode", categoryCode, 10), Fields.required("identifier", identifier, 40),
                Fields.required("owner", owner, 100), Fields.coordinate("lon", lon, 180), Fields.coordinate("lat", lat, 90));
    }
}
