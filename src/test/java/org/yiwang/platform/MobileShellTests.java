package org.yiwang.platform;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MobileShellTests {

    private static Actor with(Role... roles) {
        return new Actor(7, "u", "U", Set.of(roles), null, null, DataScope.everything(), false);
    }

    @Test
    void nobodySignedInIsShownNoTabsButKeepsTheMapTiles() {
        assertThat(MobileShell.of(null, "https://tiles/{z}/{x}/{y}.png"))
                .isEqualTo(new MobileShell(false, false, false, "https://tiles/{z}/{x}/{y}.png", false));
    }

    @Test
    void residentReportsAndFollowsButIsNeitherGridWorkerNorStaff() {
        MobileShell shell = MobileShell.of(with(Role.RESIDENT), "");
        assertThat(shell.reporter()).isTrue();
        assertThat(shell.resident()).isTrue();
        assertThat(shell.gridWorker()).isFalse();
        assertThat(shell.staff()).isFalse();
    }

    @Test
    void gridWorkerReportsAsStaffWithoutResidentButtons() {
        MobileShell shell = MobileShell.of(with(Role.GRID_WORKER), "");
        assertThat(shell.gridWorker()).isTrue();
        assertThat(shell.reporter()).isTrue();
        assertThat(shell.staff()).isEqualTo(Role.GRID_WORKER.isStaff());
        assertThat(shell.resident()).isFalse();
    }

    @Test
    void handlerIsStaffButReportsNothingOnThePhone() {
        MobileShell shell = MobileShell.of(with(Role.HANDLER), "");
        assertThat(shell.staff()).isTrue();
        assertThat(shell.reporter()).isFalse();
        assertThat(shell.gridWorker()).isFalse();
    }

    @Test
    void pagesWithoutAMapGetNoTileUrl() {
        assertThat(MobileShell.current().tileUrl()).isEmpty();
    }
}
