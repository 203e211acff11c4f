package org.yiwang.cogov.volunteer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 积分兑换 — a community's points shop: goods and services (物品, 服务) with a point price and a stock, kept by the
 * community's staff; a volunteer of the community redeems one on the phone, which takes one from the stock and the
 * price from their points in one transaction — both conditional updates, so neither ever goes below zero however many
 * redeem at once; staff hand the redemption over (已领取). Every redemption is in the points journal and the ledger.
 */
@Service
public class PointsShop {

    public enum Kind { GOODS, SERVICE }

    /** An item of the shop. */
    public record ShopItem(long id, String communityCode, String name, Kind kind, int price, int stock, boolean active) {
    }

    /** One redemption; {@code volunteer} is the volunteer's name, masked. */
    public record ShopRedemption(long id, long itemId, String itemName, int points, String volunteer, Instant redeemedAt,
                             @Nullable Instant handedAt, @Nullable String handedByName) {
    }

    /** 上架: a new item; the name, a price ≥ 1 and a stock ≥ 0 are required. */
    public record ShopItemInput(@Nullable String communityCode, @Nullable String name, @Nullable String kind, @Nullable Integer price,
                          @Nullable Integer stock) {
    }

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final TransactionTemplate transactions;
    private final Ledger ledger;
    private final Clock clock;

    PointsShop(JdbcClient jdbc, Volunteers volunteers, TransactionTemplate transactions, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
    }

    public ShopItem add(ShopItemInput command, Actor actor) {
        String community = Volunteering.required(command.communityCode(), "communityCode", 12);
        if (!Volunteers.manages(actor, community)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        String name = Volunteering.required(command.name(), "name", 100);
        Kind kind;
        try {
            kind = Kind.valueOf(Volunteering.required(command.kind(), "kind", 20));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", "kind", command.kind());
        }
        if (command.price() == null || command.price() < 1 || command.price() > 100_000) {
            throw LocalizedException.badRequest("cogov.error.invalid", "price", String.valueOf(command.price()));
        }
        if (command.stock() == null || command.stock() < 0 || command.stock() > 100_000) {
            throw LocalizedException.badRequest("cogov.error.invalid", "stock", String.valueOf(command.stock()));
        }
        long id = jdbc.sql("""
                        INSERT INTO cogov_shop_item (community_code, name, kind, price, stock, created_at)
                        VALUES (:c, :n, :k, :p, :s, :now) RETURNING id""")
                .param("c", community).param("n", name).param("k", kind.name()).param("p", command.price()).param("s", command.stock())
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        return item(id).orElseThrow();
    }

    /** 补货: sets the stock of an item of the actor's community. */
    public ShopItem restock(long itemId, @Nullable Integer stock, Actor actor) {
        ShopItem item = managed(itemId, actor);
        if (stock == null || stock < 0 || stock > 100_000) {
            throw LocalizedException.badRequest("cogov.error.invalid", "stock", String.valueOf(stock));
        }
        jdbc.sql("UPDATE cogov_shop_item SET stock = :s WHERE id = :id").param("s", stock).param("id", item.id()).update();
        return item(itemId).orElseThrow();
    }

    /** 下架 / 重新上架: takes an item of the actor's community off sale (volunteers no longer see or redeem it) or back on. */
    public ShopItem setOnSale(long itemId, boolean onSale, Actor actor) {
        ShopItem item = managed(itemId, actor);
        jdbc.sql("UPDATE cogov_shop_item SET active = :on WHERE id = :id").param("on", onSale).param("id", item.id()).update();
        return item(itemId).orElseThrow();
    }

    /** The items of the staff member's communities. */
    public List<ShopItem> items(Actor reader) {
        if (!Volunteers.readsRegister(reader)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return jdbc.sql("SELECT * FROM cogov_shop_item WHERE community_code LIKE ANY (:scope) ORDER BY community_code, id LIMIT 500")
                .param("scope", reader.scope().likePatterns()).query(PointsShop::itemRow).list();
    }

    /** What the volunteer can redeem: the active items of their community. */
    public List<ShopItem> offer(Actor actor) {
        return volunteers.byUser(actor.userId()).map(v -> jdbc.sql(
                        "SELECT * FROM cogov_shop_item WHERE community_code = :c AND active ORDER BY price, id LIMIT 200")
                .param("c", v.communityCode()).query(PointsShop::itemRow).list()).orElse(List.of());
    }

    /**
     * 兑换: one of the item, for its price; the same request key redeems once.
     *
     * @throws LocalizedException 409 when the stock is gone or the points do not cover the price, 404 for an item
     *                            not of the volunteer's community
     */
    public ShopRedemption redeem(long itemId, @Nullable String requestKey, Actor actor) {
        String key = Volunteering.required(requestKey, "requestKey", 100);
        Volunteering.Volunteer v = volunteers.byUser(actor.userId())
                .orElseThrow(() -> LocalizedException.conflict("cogov.volunteer.error.notVolunteer"));
        Optional<ShopRedemption> earlier = byKey(v.id(), key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ShopItem item = item(itemId).filter(i -> i.active() && i.communityCode().equals(v.communityCode()))
                .orElseThrow(() -> LocalizedException.notFound("cogov.shop.error.noItem", itemId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(tx -> {
            Optional<Integer> price = jdbc.sql("UPDATE cogov_shop_item SET stock = stock - 1 WHERE id = :id AND active AND stock > 0 RETURNING price")
                    .param("id", itemId).query(Integer.class).optional();
            if (price.isEmpty()) {
                throw LocalizedException.conflict("cogov.shop.error.outOfStock", item.name());
            }
            volunteers.change(v.id(), -price.get(), "兑换：" + item.name(), null, v.communityCode(), actor, now);
            jdbc.sql("""
                            INSERT INTO cogov_redemption (item_id, volunteer_id, community_code, item_name, points, redeemed_at, request_key)
                            VALUES (:i, :v, :c, :n, :p, :now, :k)""")
                    .param("i", itemId).param("v", v.id()).param("c", v.communityCode()).param("n", item.name()).param("p", price.get())
                    .param("now", at(now)).param("k", key).update();
        });
        return byKey(v.id(), key).orElseThrow();
    }

    /** The volunteer's own redemptions, newest first. */
    public List<ShopRedemption> mine(Actor actor) {
        return volunteers.byUser(actor.userId()).map(v -> jdbc.sql(REDEMPTIONS + " WHERE r.volunteer_id = :v ORDER BY r.id DESC LIMIT 50")
                .param("v", v.id()).query(PointsShop::redemptionRow).list()).orElse(List.of());
    }

    /** The redemptions of the staff member's communities, those still to hand over first. */
    public List<ShopRedemption> redemptions(Actor reader) {
        if (!Volunteers.readsRegister(reader)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return jdbc.sql(REDEMPTIONS + " WHERE r.community_code LIKE ANY (:scope) ORDER BY r.handed_at IS NOT NULL, r.id DESC LIMIT 200")
                .param("scope", reader.scope().likePatterns()).query(PointsShop::redemptionRow).list();
    }

    /** 已领取: staff hand the item over; once. */
    public ShopRedemption handOver(long redemptionId, Actor actor) {
        String community = jdbc.sql("SELECT community_code FROM cogov_redemption WHERE id = :id").param("id", redemptionId)
                .query(String.class).optional().filter(c -> Volunteers.manages(actor, c))
                .orElseThrow(() -> LocalizedException.notFound("cogov.shop.error.noRedemption", redemptionId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(tx -> {
            int done = jdbc.sql("UPDATE cogov_redemption SET handed_at = :now, handed_by_name = :n WHERE id = :id AND handed_at IS NULL")
                    .param("now", at(now)).param("n", actor.displayName()).param("id", redemptionId).update();
            if (done == 0) {
                throw LocalizedException.conflict("cogov.shop.error.handedOver", redemptionId);
            }
            ledger.append(LedgerRecord.of(Volunteers.LEDGER_STREAM, "redemption-" + redemptionId, community, "HANDED_OVER", now,
                    actor.userId(), Map.of("redemption", redemptionId)));
        });
        return jdbc.sql(REDEMPTIONS + " WHERE r.id = :id").param("id", redemptionId).query(PointsShop::redemptionRow).single();
    }

    private ShopItem managed(long itemId, Actor actor) {
        return item(itemId).filter(i -> Volunteers.manages(actor, i.communityCode()))
                .orElseThrow(() -> LocalizedException.notFound("cogov.shop.error.noItem", itemId));
    }

    private Optional<ShopItem> item(long id) {
        return jdbc.sql("SELECT * FROM cogov_shop_item WHERE id = :id").param("id", id).query(PointsShop::itemRow).optional();
    }

    private Optional<ShopRedemption> byKey(long volunteerId, String key) {
        return jdbc.sql(REDEMPTIONS + " WHERE r.volunteer_id = :v AND r.request_key = :k").param("v", volunteerId).param("k", key)
                .query(PointsShop::redemptionRow).optional();
    }

    private static final String REDEMPTIONS = """
            SELECT r.*, v.name AS volunteer_name FROM cogov_redemption r JOIN cogov_volunteer v ON v.id = r.volunteer_id""";

    private static ShopItem itemRow(ResultSet rs, int n) throws SQLException {
        return new ShopItem(rs.getLong("id"), rs.getString("community_code"), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
                rs.getInt("price"), rs.getInt("stock"), rs.getBoolean("active"));
    }

    private static ShopRedemption redemptionRow(ResultSet rs, int n) throws SQLException {
        Timestamp handed = rs.getTimestamp("handed_at");
        return new ShopRedemption(rs.getLong("id"), rs.getLong("item_id"), rs.getString("item_name"), rs.getInt("points"),
                PersonalData.maskName(rs.getString("volunteer_name")), rs.getTimestamp("redeemed_at").toInstant(),
                handed == null ? null : handed.toInstant(), rs.getString("handed_by_name"));
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
