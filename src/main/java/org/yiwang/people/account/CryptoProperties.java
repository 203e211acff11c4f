package org.yiwang.people.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yiwang.crypto}.
 *
 * @param idKey base64 AES-256 key for ID-card numbers; blank means a key generated into {@code <data-dir>/keys/}
 */
@ConfigurationProperties("yiwang.crypto")
record CryptoProperties(@DefaultValue("") String idKey) {
}
