package org.yiwang.browser.mobile;

import org.yiwang.browser.Browser;

import java.util.List;
import java.util.Map;

/** Tells the headless browser where "the phone" is: the position the page gets from the Geolocation API. */
public final class PhoneLocation {

    private PhoneLocation() {
    }

    public static void at(Browser browser, double[] latLon) {
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", browser.baseUrl(),
                "permissions", List.of("geolocation")));
        browser.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", latLon[0],
                "longitude", latLon[1], "accuracy", 8));
    }
}
