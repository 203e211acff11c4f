package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.people.Organization;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.YiwangProperties;
import org.yiwang.registry.RegisterQueries;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Demo applications, once, on the first start with {@code yiwang.demo-data}, made through {@link Applications} as the demo
 * people would make them, so that the community window (the {@code community} user's desk) has work on a fresh database:
 * the resident's 个人参保证明 done and rated, their 就业创业证 waiting for a 补正, a walk-in's 养老保险资格认证 accepted, another
 * walk-in's 家庭经济状况核对 waiting to be accepted, the resident's 灵活就业一件事, and the grid worker's 帮办代办 of the
 * 老年人优待服务包 for an elderly resident of the registry, and the resident's 职工退休申请 forwarded to 区人社局 (部门审批, the
 * {@code handler-hrss} user decides it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 450)
class ServicesDemo implements ApplicationRunner {

    /** Request ids of the demo applications start with this: their presence means the demo was loaded. */
    static final String REQUEST = "demo-services-";

    private static final Logger log = LoggerFactory.getLogger(ServicesDemo.class);

    private final YiwangProperties yiwang;
    private final Applications applications;
    private final ServiceCatalog catalog;
    private final People people;
    private final Organization organization;
    private final RegisterQueries register;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ServicesDemo(YiwangProperties yiwang, Applications applications, ServiceCatalog catalog, People people, Organization organization,
                 RegisterQueries register, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.yiwang = yiwang;
        this.applications = applications;
        this.catalog = catalog;
        this.people = people;
        this.organization = organization;
        this.register = register;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (yiwang.demoData()) {
            load();
        }
    }

    /** Makes the demo applications unless they exist (or the demo people do not); returns how many were made. */
    int load() {
        Optional<Actor> resident = people.actorOf("resident");
        Optional<Actor> clerk = people.actorOf("community");
        Optional<Actor> gridWorker = people.actorOf("gridworker");
        if (resident.isEmpty() || clerk.isEmpty() || gridWorker.isEmpty() || clerk.get().orgUnitId() == null) {
            return 0;
        }
        String community = organization.find(clerk.get().orgUnitId()).map(OrgUnit::divisionCode).orElse(null);
        if (community == null) {
            return 0;
        }
        Integer made = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('services.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM services_application WHERE request_id LIKE :p)").param("p", REQUEST + "%")
                    .query(Boolean.class).single()) {
                return 0;
            }
            return make(resident.get(), clerk.get(), gridWorker.get(), community);
        });
        if (made != null && made > 0) {
            log.info("Demo services: {} applications in community {}", made, community);
        }
        return made == null ? 0 : made;
    }

    private int make(Actor resident, Actor clerk, Actor gridWorker, String community) {
        int made = 0;
        // 办结 and rated: the resident's 个人参保证明, online
        long certificate = online("SB-023", null, community, "1", resident).summary().id();
        applications.act(certificate, Action.ACCEPT, Applications.Act.note(null), clerk);
        applications.act(certificate, Action.APPROVE, Applications.Act.note(null), clerk);
        applications.act(certificate, Action.COMPLETE, new Applications.Act(null, null, "参证字2026第1207号", null, List.of(), null), clerk);
        applications.act(certificate, Action.RATE, new Applications.Act("窗口一次办好，不用跑腿", null, null, 5, List.of(), null), resident);
        made++;
        // 补正: the photo of the 就业创业证 is not usable
        long card = online("SB-015", null, community, "2", resident).summary().id();
        applications.act(card, Action.ACCEPT, Applications.Act.note(null), clerk);
        applications.act(card, Action.REQUEST_SUPPLEMENT, new Applications.Act(null, "近期免冠照片不清晰，请重新上传两张白底照片", null, null, List.of(), null), clerk);
        made++;
        // 受理中: a walk-in at the window
        long pension = walkIn("SB-022", "王秀英", "13912340011", "3", clerk).summary().id();
        applications.act(pension, Action.ACCEPT, Applications.Act.note("本人到窗口，人脸识别通过"), clerk);
        made++;
        // 待受理: another walk-in, just handed in
        walkIn("MZ-025", "陈建国", "13912340012", "4", clerk);
        made++;
        // 一件事: 灵活就业 in one application
        online(null, "FLEX-JOB", community, "5", resident);
        made++;
        // 部门审批: the resident's 职工退休申请, accepted and first-reviewed by the community, forwarded to 区人社局
        long retirement = online("SB-024", null, community, "7", resident).summary().id();
        applications.act(retirement, Action.ACCEPT, Applications.Act.note(null), clerk);
        applications.act(retirement, Action.FORWARD, Applications.Act.note("材料齐全，档案记载出生日期与身份证一致，建议批准"), clerk);
        made++;
        // 帮办代办: the 老年人优待服务包 for an elderly resident of the grid worker's grid, with consent
        List<RegisterQueries.PersonView> elderly = register.searchPeople(
                new RegisterQueries.PersonSearch(null, null, null, null, "ADVANCED_AGE", null, 0, 5), gridWorker).items();
        if (!elderly.isEmpty()) {
            RegisterQueries.PersonView person = elderly.getLast();
            applications.apply(new Applications.Apply(null, "ELDERLY-CARE", null, Delivery.PICKUP, null, null, REQUEST + "6",
                    uploads(catalog.require("MZ-008").materials().subList(0, 1)), new Applications.OnBehalf(person.id(),
                    "本人在家当面口头同意，女儿在场"), null), gridWorker);
            made++;
        }
        return made;
    }

    private Applications.ApplicationDetail online(@Nullable String item, @Nullable String bundle, String community, String request, Actor resident) {
        List<Material> materials = new ArrayList<>();
        if (item != null) {
            materials.addAll(catalog.require(item).materials());
        } else {
            catalog.bundles().stream().filter(b -> b.code().equals(bundle)).findFirst().orElseThrow().items()
                    .forEach(code -> catalog.require(code).materials().stream()
                            .filter(m -> materials.stream().noneMatch(had -> had.name().equals(m.name()))).forEach(materials::add));
        }
        return applications.apply(new Applications.Apply(item, bundle, community, Delivery.PICKUP, null, null, REQUEST + request,
                uploads(materials), null, null), resident);
    }

    private Applications.ApplicationDetail walkIn(String item, String name, String phone, String request, Actor clerk) {
        return applications.apply(new Applications.Apply(item, null, null, Delivery.PICKUP, null, null, REQUEST + request,
                uploads(catalog.require(item).materials().subList(0, 1)), null, new Applications.WalkIn(name, phone)), clerk);
    }

    private static List<Applications.Upload> uploads(List<Material> materials) {
        return materials.stream().map(m -> new Applications.Upload(m.name(), scan())).toList();
    }

    /** A small grey "scan": a real PNG, so that the window can open it. */
    private static byte[] scan() {
        BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF2F2F2));
        g.fillRect(0, 0, 160, 100);
        g.setColor(new Color(0x9AA5B1));
        g.drawRect(8, 8, 143, 83);
        g.fillRect(18, 20, 40, 50);
        for (int y = 24; y < 70; y += 12) {
            g.fillRect(70, y, 70, 4);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
