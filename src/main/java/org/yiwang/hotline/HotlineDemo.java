package org.yiwang.hotline;

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
import org.yiwang.platform.Actor;
import org.yiwang.platform.YiwangProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * Demo knowledge base, once, on the first start with {@code yiwang.demo-data}: the questions a city hotline
 * hears every day (parking, water, social insurance, noise, pets), with answers in the 12345 style.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 400)
class HotlineDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HotlineDemo.class);

    private final YiwangProperties yiwang;
    private final Knowledge knowledge;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    HotlineDemo(YiwangProperties yiwang, Knowledge knowledge, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.yiwang = yiwang;
        this.knowledge = knowledge;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    static final List<ArticleDraft> ARTICLES = List.of(
            new ArticleDraft("居民区停车费怎么收？", "小区内停车收费由业主大会决定，物业按备案标准收取；路边公共泊位由区城管局委托的停车公司收费，白天首小时 5 元、之后每小时 2 元。对收费有异议可向区发改委价格监督检查科反映。",
                    "城市管理", List.of("停车", "收费", "物业"), LocalDate.of(2027, 12, 31), "区城管局"),
            new ArticleDraft("家里突然停水了，什么时候恢复？", "计划停水会提前 24 小时在小区张贴通知并在水务集团公众号公布；突发爆管一般 4 小时内抢修完毕。可拨打水务集团服务热线 96889 查询抢修进度。",
                    "水电气", List.of("停水", "供水", "抢修"), null, "市水务集团"),
            new ArticleDraft("社保卡丢了怎么补办？", "携带身份证到任一社保卡服务网点或合作银行网点办理挂失补卡，也可在“我的南京”APP 线上申请，制卡约 7 个工作日，工本费免收。",
                    "社会保障", List.of("社保卡", "补办", "挂失"), null, "区人社局"),
            new ArticleDraft("晚上广场舞噪音太大怎么办？", "晚 10 点后在居民区使用音响属于社会生活噪声扰民，可由社区先行劝导；劝导无效的由属地派出所依据《治安管理处罚法》处理。坐席可受理转派出所。",
                    "环境保护", List.of("噪音", "广场舞", "扰民"), null, "区公安分局"),
            new ArticleDraft("狗证在哪里办理？", "养犬登记到居住地派出所或“宁归来”养犬服务点办理，需携带犬只免疫证明、身份证和房屋证明，登记后领取犬牌。重点管理区域禁止饲养烈性犬。",
                    "公共安全", List.of("养犬", "狗证", "登记"), null, "区公安分局"),
            new ArticleDraft("路灯不亮找谁？", "主次干道路灯由市路灯管理处维护，小区内路灯由物业负责。坐席可直接受理为工单（类别：路灯），一般 24 小时内修复。",
                    "市政设施", List.of("路灯", "照明"), null, "市路灯管理处"),
            new ArticleDraft("冬季供暖补贴怎么申请？", "本市无集中供暖；低保、特困家庭的冬季取暖补贴随 11 月救助金一并发放，无需单独申请。如未收到请向社区居委会核实。",
                    "社会保障", List.of("取暖", "补贴", "低保"), LocalDate.of(2027, 3, 31), "区民政局"),
            new ArticleDraft("垃圾分类投放时间是几点？", "居民区定时定点投放时间为早 7:00–9:00、晚 18:00–20:00；其他时间可投放至小区误时投放点。大件垃圾需提前向物业预约。",
                    "环境卫生", List.of("垃圾分类", "投放", "时间"), null, "区城管局"));

    @Override
    public void run(ApplicationArguments args) {
        if (!yiwang.demoData()) {
            return;
        }
        Integer made = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hotline.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM hotline_article)").query(Boolean.class).single()) {
                return 0;
            }
            ARTICLES.forEach(a -> knowledge.insert(a, Actor.SYSTEM_USER_ID));
            return ARTICLES.size();
        });
        if (made != null && made > 0) {
            log.info("Demo knowledge base: {} articles", made);
        }
    }
}
