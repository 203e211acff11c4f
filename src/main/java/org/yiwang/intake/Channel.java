package org.yiwang.intake;

import org.yiwang.workorder.Source;

import java.util.Locale;
import java.util.Optional;

/**
 * The outside systems whose reports arrive here, each with its own numbering: the same external
 * number from the same channel is one report, however often it is sent.
 */
public enum Channel {
    /** 12345 政务服务便民热线 — work orders (工单) from the hotline's own system. */
    HOTLINE_12345(Source.HOTLINE_12345, "12345"),
    /** 数字城管 — cases (案件) from the urban-management supervision system. */
    URBAN_MANAGEMENT(Source.URBAN_MANAGEMENT, "dcm"),
    /** Open311 GeoReport v2 clients whose address could not be located at once. */
    OPEN311(Source.OPEN311, "o311");

    private final Source source;
    private final String keyPrefix;

    Channel(Source source, String keyPrefix) {
        this.source = source;
        this.keyPrefix = keyPrefix;
    }

    /** The work-order source the channel's orders carry. */
    public Source source() {
        return source;
    }

    /** The idempotency key of an external report: one work order per channel and external number. */
    public String idempotencyKey(String externalNo) {
        return keyPrefix + ":" + externalNo;
    }

    public static Optional<Channel> of(Source source) {
        for (Channel channel : values()) {
            if (channel.source == source) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    public static Optional<Channel> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (t.equals("12345") || t.equals("HOTLINE")) {
            return Optional.of(HOTLINE_12345);
        }
        if (t.equals("DCM") || t.equals("URBAN")) {
            return Optional.of(URBAN_MANAGEMENT);
        }
        try {
            return Optional.of(valueOf(t));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
