package org.yiwang.intake;

import org.locationtech.jts.geom.Point;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;

import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Places and people of the demo territory for the intake and Open311 tests. */
public final class IntakeFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ApplicationContext context;

    public IntakeFixtures(ApplicationContext context) {
        this.context = context;
    }

    public RequestPostProcessor as(String username) {
        return user(context.getBean(UserDetailsService.class).loadUserByUsername(username));
    }

    public Actor actor(String username) {
        return context.getBean(People.class).actorOf(username).orElseThrow();
    }

    /** The grid the demo grid worker patrols: in 夫子庙街道, the demo dispatcher's street. */
    public IndexedGrid dispatchersGrid() {
        long gridWorker = context.getBean(People.class).findByUsername("gridworker").orElseThrow().id();
        String code = context.getBean(Grids.class).gridsOf(gridWorker).getFirst().code();
        return context.getBean(GridLocator.class).grid(code).orElseThrow();
    }

    /** A point inside the grid. */
    public static double[] latLon(IndexedGrid grid) {
        Point p = grid.geometry().getInteriorPoint();
        return new double[]{p.getY(), p.getX()};
    }

    /** A standard address at the grid's inner point, with a unique code and text. */
    public StandardAddress address(IndexedGrid grid, String text) {
        double[] p = latLon(grid);
        return context.getBean(StandardAddresses.class).save("T" + System.nanoTime(), text, p[1], p[0], "wgs84", actor("admin"));
    }

    /** A number no other test uses. */
    public static String unique(String prefix) {
        return prefix + System.currentTimeMillis() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }
}
