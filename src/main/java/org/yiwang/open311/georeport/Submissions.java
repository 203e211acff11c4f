package org.yiwang.open311.georeport;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Category;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Location;
import org.yiwang.geo.LonLat;
import org.yiwang.intake.Channel;
import org.yiwang.intake.PendingReports;
import org.yiwang.intake.RecordStatus;
import org.yiwang.intake.ExternalReport;
import org.yiwang.intake.Receipt;
import org.yiwang.intake.Reception;
import org.yiwang.intake.StandardAddress;
import org.yiwang.intake.StandardAddresses;
import org.yiwang.open311.ApiKey;
import org.yiwang.open311.Open311Properties;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST requests: checks every field of a GeoReport v2 request at once, then hands it to the one intake
 * pipeline as an Open311 report. Where it lies comes from lat/long, an address_id of the standard-address
 * table, or an address_string located by that table; an address no one can locate waits for a dispatcher,
 * and the client gets a token instead of a service_request_id. A client may send an
 * {@code Idempotency-Key}: the same key from the same API key returns the first request again. Without one,
 * the same report posted again by the same client within {@code yiwang.open311.duplicate-window} (every
 * field alike, a description included) is recognised as a retry and answered with the first request.
 */
@Component
public class Submissions {

    public static final int MAX_DESCRIPTION = 4000;
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]{1,40})](\\[[0-9]{0,3}])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,30}");
    private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{1,40}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceDirectory services;
    private final Jurisdictions jurisdictions;
    private final StandardAddresses addresses;
    private final GridLocator locator;
    private final Reception reception;
    private final RequestProjection projection;
    private final JdbcClient jdbc;
    private final PendingReports records;
    private final Open311Properties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Submissions(ServiceDirectory services, Jurisdictions jurisdictions, StandardAddresses addresses, GridLocator locator,
                Reception reception, RequestProjection projection, JdbcClient jdbc, PendingReports records,
                Open311Properties properties, MessageSource messages, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.services = services;
        this.jurisdictions = jurisdictions;
        this.addresses = addresses;
        this.locator = locator;
        this.reception = reception;
        this.projection = projection;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param key the verified API key, or null when it was missing or bad (then {@code keyErrors} says why)
     * @return the response list: one item with service_request_id or token
     */
    public List<GeoReportJson.Created> submit(Map<String, String[]> params, ApiKey key, List<GeoReportError> keyErrors,
                                            String idempotencyKey, Locale locale) {
        List<GeoReportError> errors = new ArrayList<>(keyErrors);
        String prefix = jurisdictions.prefix(first(params, "jurisdiction_id")).orElse(null);
        if (prefix == null) {
            errors.add(error(404, locale, "open311.error.jurisdiction", first(params, "jurisdiction_id")));
        }
        Category category = null;
        String serviceCode = first(params, "service_code");
        if (serviceCode == null) {
            errors.add(error(400, locale, "open311.error.serviceCodeRequired"));
        } else {
            category = services.service(serviceCode).orElse(null);
            if (category == null) {
                errors.add(error(404, locale, "open311.error.serviceCode", serviceCode));
            }
        }
        List<ServiceDirectory.Answer> answers = category == null ? List.of() : services.check(category, attributes(params), errors, locale);

        Double lat = null;
        Double lon = null;
        String latText = first(params, "lat");
        String lonText = first(params, "long");
        String addressString = first(params, "address_string");
        String addressId = first(params, "address_id");
        StandardAddress standard = null;
        if (latText != null || lonText != null) {
            lat = number(latText);
            lon = number(lonText);
            if (latText == null || lonText == null) {
                errors.add(error(400, locale, "open311.error.latLongPair"));
            } else if (lat == null || !LonLat.isLatitude(lat)) {
                errors.add(error(400, locale, "open311.error.lat", latText));
            } else if (lon == null || !LonLat.isLongitude(lon)) {
                errors.add(error(400, locale, "open311.error.long", lonText));
            } else {
                Optional<Location> location = locator.locate(new LonLat(lon, lat));
                if (location.isEmpty() || (prefix != null && !location.get().district().code().startsWith(prefix))) {
                    errors.add(error(400, locale, "open311.error.outside", latText, lonText));
                }
            }
        } else if (addressId != null) {
            standard = addresses.find(addressId).orElse(null);
            if (standard == null) {
                errors.add(error(400, locale, "open311.error.addressId", addressId));
            } else if (prefix != null && !standard.districtCode().startsWith(prefix)) {
                errors.add(error(400, locale, "open311.error.addressIdOutside", addressId));
            }
        } else if (addressString == null) {
            errors.add(error(400, locale, "open311.error.location"));
        }
        if (addressString != null && addressString.length() > ExternalReport.MAX_ADDRESS) {
            errors.add(error(400, locale, "open311.error.tooLong", "address_string", ExternalReport.MAX_ADDRESS));
        }
        String description = first(params, "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(error(400, locale, "open311.error.tooLong", "description", MAX_DESCRIPTION));
        }
        String email = first(params, "email");
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(error(400, locale, "open311.error.email", email));
        }
        String phone = first(params, "phone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(error(400, locale, "open311.error.phone"));
        }
        String firstName = first(params, "first_name");
        String lastName = first(params, "last_name");
        for (String[] name : new String[][]{{"first_name", firstName}, {"last_name", lastName}}) {
            if (name[1] != null && name[1].length() > 50) {
                errors.add(error(400, locale, "open311.error.tooLong", name[0], 50));
            }
        }
        String deviceId = first(params, "device_id");
        String accountId = first(params, "account_id");
        for (String[] field : new String[][]{{"device_id", deviceId}, {"account_id", accountId}}) {
            if (field[1] != null && field[1].length() > 100) {
                errors.add(error(400, locale, "open311.error.tooLong", field[0], 100));
            }
        }
        String mediaUrl = first(params, "media_url");
        if (mediaUrl != null && !httpUrl(mediaUrl)) {
            errors.add(error(400, locale, "open311.error.mediaUrl", mediaUrl));
        }
        if (idempotencyKey != null && !CLIENT_KEY.matcher(idempotencyKey).matches()) {
            errors.add(error(400, locale, "open311.error.idempotencyKey"));
        }
        if (!errors.isEmpty()) {
            throw new GeoReportException(errors);
        }

        Instant now = clock.instant();
        byte[] requestHash = requestHash(params);
        String externalNo = idempotencyKey != null ? "k" + key.id() + ":" + idempotencyKey
                : description == null ? UUID.randomUUID().toString()
                : retried(key, requestHash, now).orElseGet(() -> UUID.randomUUID().toString());
        Map<String, String> details = new LinkedHashMap<>();
        for (ServiceDirectory.Answer answer : answers) {
            if (!answer.code().equals(ServiceDirectory.URGENCY)) {
                details.put("attribute:" + answer.label(), answer.display());
            }
        }
        String text = description == null || description.isBlank() ? services.name(category, Locale.SIMPLIFIED_CHINESE) : description;
        ExternalReport report = new ExternalReport(Channel.OPEN311, externalNo, now, text, category.code(), null,
                ServiceDirectory.urgency(answers), reporterName(firstName, lastName), phone,
                addressString != null ? addressString : standard != null ? standard.address() : null,
                standard == null ? null : standard.code(), lat, lon, null, null, null, null, details);
        Receipt receipt;
        try {
            receipt = reception.receive(report, Actor.system());
        } catch (LocalizedException e) {
            throw new GeoReportException(400, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        Map<String, Object> attributeValues = new LinkedHashMap<>();
        answers.forEach(a -> attributeValues.put(a.code(), a.value()));
        jdbc.sql("""
                        INSERT INTO open311_submission (record_id, order_id, api_key_id, service_code, attributes, media_url, address_id,
                            email, device_id, account_id, created_at, request_hash)
                        VALUES (:record, :order, :key, :service, cast(:attributes AS jsonb), :media, :addressId, :email, :device, :account, :now,
                            :hash)
                        ON CONFLICT (record_id) DO NOTHING""")
                .param("record", receipt.recordId()).param("order", receipt.orderId()).param("key", key.id())
                .param("service", category.code()).param("attributes", JSON.writeValueAsString(attributeValues))
                .param("media", mediaUrl).param("addressId", standard == null ? receipt.addressCode() : standard.code())
                .param("email", email).param("device", deviceId).param("account", accountId).param("now", Timestamp.from(now))
                .param("hash", description == null ? null : requestHash)
                .update();
        if (receipt.orderId() != null) {
            projection.refresh(receipt.orderId(), now);
            return List.of(new GeoReportJson.Created(receipt.orderNumber(), null,
                    messages.getMessage("open311.notice.created", new Object[]{receipt.orderNumber()}, locale), accountId));
        }
        return List.of(new GeoReportJson.Created(null, token(receipt.recordId(), key.id(), now),
                messages.getMessage("open311.notice.pending", null, locale), accountId));
    }

    /**
     * The external number of the same report from the same client within the duplicate window, if there is
     * one: its request is answered again instead of a second one being created.
     */
    private Optional<String> retried(ApiKey key, byte[] requestHash, Instant now) {
        return jdbc.sql("""
                        SELECT record_id FROM open311_submission
                         WHERE api_key_id = :key AND request_hash = :hash AND created_at >= :since
                         ORDER BY created_at DESC LIMIT 1""")
                .param("key", key.id()).param("hash", requestHash)
                .param("since", Timestamp.from(now.minus(properties.duplicateWindow())))
                .query(Long.class).optional()
                .flatMap(records::status)
                .map(RecordStatus::externalNo);
    }

    /** SHA-256 of every field sent but the api_key, in name order: the same report gives the same hash. */
    static byte[] requestHash(Map<String, String[]> params) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((name, values) -> {
            if (!name.equals("api_key")) {
                text.append(name).append('\u0000');
                for (String value : values) {
                    text.append(value == null ? "" : value.strip()).append('\u0001');
                }
                text.append('\u0002');
            }
        });
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of a pending request: the one issued before for the same record, or a new one. */
    private String token(long recordId, long keyId, Instant now) {
        Optional<String> existing = jdbc.sql("SELECT token FROM open311_token WHERE record_id = :record")
                .param("record", recordId).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbc.sql("INSERT INTO open311_token (token, record_id, api_key_id, created_at) VALUES (:token, :record, :key, :now)"
                        + " ON CONFLICT (record_id) DO NOTHING")
                .param("token", token).param("record", recordId).param("key", keyId).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT token FROM open311_token WHERE record_id = :record").param("record", recordId)
                .query(String.class).single();
    }

    /**
     * {@code attribute[CODE]=v}, {@code attribute[CODE][]=v1&attribute[CODE][]=v2} and the indexed form
     * {@code attribute[CODE][0]=v1&attribute[CODE][1]=v2}, codes in upper case.
     */
    static Map<String, List<String>> attributes(Map<String, String[]> params) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                result.computeIfAbsent(m.group(1).strip().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).addAll(List.of(values));
            }
        });
        return result;
    }

    static String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean httpUrl(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** 李 + 雷 → 李雷 (Chinese names family first); Jane + Doe → Jane Doe. */
    static String reporterName(String first, String last) {
        if (first == null && last == null) {
            return null;
        }
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        boolean han = (first + last).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? last + first : first + " " + last;
    }

    private GeoReportError error(int code, Locale locale, String key, Object... args) {
        return new GeoReportError(code, messages.getMessage(key, args, key, locale));
    }
}
