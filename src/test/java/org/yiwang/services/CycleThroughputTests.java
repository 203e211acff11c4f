package org.yiwang.services;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark note of the README: apply (online, two materials) + accept + approve + complete cycles through the
 * module's API on the embedded database, one thread, after a warm-up; prints cycles per second. Raise the count with
 * {@code -Dservices.cycles=N}.
 */
@ServicesSpringTest
class CycleThroughputTests {

    static final byte[] PNG = ServicesApiTests.PNG;

    @Autowired Applications applications;
    @Autowired People people;
    @Autowired Organization organization;

    @Test
    void applyAcceptApproveCompleteCyclesAllEndDoneAndTheRateIsPrinted() {
        Actor resident = people.actorOf("resident").orElseThrow();
        Actor clerk = people.actorOf("community").orElseThrow();
        String community = organization.find(clerk.orgUnitId()).orElseThrow().divisionCode();
        int cycles = Integer.getInteger("services.cycles", 200);
        cycle(resident, clerk, community, 20);
        long start = System.nanoTime();
        List<Long> done = cycle(resident, clerk, community, cycles);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("services cycle (apply with 2 files + accept + approve + complete): %d in %.2f s = %.0f cycles/s%n",
                cycles, seconds, cycles / seconds);
        assertThat(done).hasSize(cycles);
        for (long id : done.subList(0, 5)) {
            assertThat(applications.detail(id, resident).summary().status()).isEqualTo(ApplicationStatus.DONE);
        }
    }

    private List<Long> cycle(Actor resident, Actor clerk, String community, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = applications.apply(new Applications.Apply("MZ-008", null, community, Delivery.PICKUP, null, null,
                    UUID.randomUUID().toString(), List.of(new Applications.Upload("居民身份证", PNG), new Applications.Upload("近期免冠照片", PNG)),
                    null, null), resident).summary().id();
            applications.act(id, Action.ACCEPT, Applications.Act.note(null), clerk);
            applications.act(id, Action.APPROVE, Applications.Act.note(null), clerk);
            applications.act(id, Action.COMPLETE, new Applications.Act(null, null, "YD-" + id, null, List.of(), null), clerk);
            ids.add(id);
        }
        return ids;
    }
}
