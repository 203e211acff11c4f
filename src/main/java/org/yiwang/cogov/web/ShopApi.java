package org.yiwang.cogov.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cogov.volunteer.PointsShop;
import org.yiwang.platform.Actors;

import java.util.List;

/** 积分兑换 over JSON: the community's items (staff keep them), redeeming one (volunteers), handing it over (staff). */
@RestController
@Tag(name = "Co-governance")
class ShopApi {

    private final PointsShop shop;

    ShopApi(PointsShop shop) {
        this.shop = shop;
    }

    record ShopStockInput(@Nullable Integer stock) {
    }

    record ShopSaleInput(@Nullable Boolean onSale) {
    }

    record ShopRedeemInput(@Nullable String requestKey) {
    }

    @Operation(summary = "The shop items of my communities (staff)")
    @GetMapping("/api/cogov/shop/items")
    List<PointsShop.ShopItem> shopItems() {
        return shop.items(Actors.require());
    }

    @Operation(summary = "Put an item in the shop: GOODS or SERVICE, a point price and a stock")
    @PostMapping("/api/cogov/shop/items")
    @ResponseStatus(HttpStatus.CREATED)
    PointsShop.ShopItem addShopItem(@RequestBody PointsShop.ShopItemInput input) {
        return shop.add(input, Actors.require());
    }

    @Operation(summary = "Set an item's stock")
    @PostMapping("/api/cogov/shop/items/{id}/stock")
    PointsShop.ShopItem restockShopItem(@PathVariable long id, @RequestBody ShopStockInput input) {
        return shop.restock(id, input.stock(), Actors.require());
    }

    @Operation(summary = "Take an item off sale (下架, onSale false) or put it back on sale")
    @PostMapping("/api/cogov/shop/items/{id}/sale")
    PointsShop.ShopItem setShopItemOnSale(@PathVariable long id, @RequestBody ShopSaleInput input) {
        if (input.onSale() == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("cogov.error.invalid", "onSale", "null");
        }
        return shop.setOnSale(id, input.onSale(), Actors.require());
    }

    @Operation(summary = "What I can redeem: the items of my community")
    @GetMapping("/api/cogov/volunteers/me/shop")
    List<PointsShop.ShopItem> shopOffer() {
        return shop.offer(Actors.require());
    }

    @Operation(summary = "Redeem one of an item for its price (idempotent by requestKey; 409 when out of stock or short of points)")
    @PostMapping("/api/cogov/shop/items/{id}/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    PointsShop.ShopRedemption redeemShopItem(@PathVariable long id, @RequestBody ShopRedeemInput input) {
        return shop.redeem(id, input.requestKey(), Actors.require());
    }

    @Operation(summary = "My redemptions")
    @GetMapping("/api/cogov/volunteers/me/shop/redemptions")
    List<PointsShop.ShopRedemption> myShopRedemptions() {
        return shop.mine(Actors.require());
    }

    @Operation(summary = "The redemptions of my communities, those to hand over first (staff; names masked)")
    @GetMapping("/api/cogov/shop/redemptions")
    List<PointsShop.ShopRedemption> shopRedemptions() {
        return shop.redemptions(Actors.require());
    }

    @Operation(summary = "Mark a redemption handed over (once)")
    @PostMapping("/api/cogov/shop/redemptions/{id}/handover")
    PointsShop.ShopRedemption handOverRedemption(@PathVariable long id) {
        return shop.handOver(id, Actors.require());
    }
}
