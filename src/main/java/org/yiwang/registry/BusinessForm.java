package org.yiwang.registry;

import org.yiwang.registry.Kinds.Risk;

/** A legal person or shop (法人/商户) as typed. */
public record BusinessForm(String name, String creditCode, String licences, String contactName, String contactPhone,
                           String risk, String address, Double lon, Double lat, Long buildingId) {

    public Business.Details details() {
        String phone = Fields.phone("contactPhone", contactPhone);
        if (phone == null) {
            throw RegistryException.invalid("contactPhone", "registry.invalid.required");
        }
        return new Business.Details(Fields.required("name", name, 100), Fields.creditCode("creditCode", creditCode),
                Fields.optional("licences", licences, 500) == null ? "" : licences.strip(),
                Fields.required("contactName", contactName, 50), phone, Kinds.parse(Risk.class, "risk", risk),
                Fields.required("address", address, 200), Fields.coordinate("lon", lon, 180), Fields.coordinate("lat", lat, 90),
                buildingId);
    }
}
