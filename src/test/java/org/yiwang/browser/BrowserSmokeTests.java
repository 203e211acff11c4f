package org.yiwang.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser base itself: real sign-in form, Chinese first, screenshots at both sizes, front-end libraries served. */
class BrowserSmokeTests extends BrowserTests {

    @Test
    void signsInThroughTheFormAndTakesScreenshotsAtPhoneAndDesktopSize() {
        browser.signIn("dispatcher");

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text(By.tagName("h1"))).contains("您好");
        assertThat(browser.screenshots("home"))
                .allSatisfy(file -> assertThat(file).exists().isNotEmptyFile());
    }

    @Test
    void theGridWorkersWorkbenchLeadsToTheirInboxAndPatrol() {
        browser.signIn("gridworker");
        assertThat(browser.text(By.id("workbench"))).contains("待签收").contains("今日在格时长").contains("辖区实有人口");
        browser.screenshots("home-gridworker");
        browser.click(By.cssSelector("#workbench a[href='/m/patrol']")).waitForPath("/m/patrol");
    }

    @Test
    void theFrontEndLibrariesAreServedFromTheJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[]{"/webjars/htmx.org/dist/htmx.min.js", "/webjars/leaflet/dist/leaflet.js",
                "/webjars/leaflet/dist/leaflet.css", "/webjars/leaflet-markercluster/leaflet.markercluster.js",
                "/webjars/leaflet-markercluster/MarkerCluster.css", "/webjars/leaflet-markercluster/MarkerCluster.Default.css",
                "/webjars/echarts/dist/echarts.min.js"}) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }
}
