package org.yiwang.registry;

/** A building (楼栋) as typed: name, standard address (标准地址), WGS-84 point, floors. */
public record BuildingForm(String name, String address, Double lon, Double lat, Integer floors) {

    /** The checked building. */
    public Building.Details details() {
        String checkedName = Fields.required("name", name, 100);
        String checkedAddress = Fields.required("address", address, 200);
        double x = Fields.coordinate("lon", lon, 180);
        double y = Fields.coordinate("lat", lat, 90);
        if (floors == null || floors < 1 || floors > 200) {
            throw RegistryException.invalid("floors", "registry.invalid.floors");
        }
        return new Building.Details(checkedName, checkedAddress, x, y, floors);
    }
}
