package org.yiwang.intake;

/**
 * A standard address found for words.
 *
 * @param exact whether the whole (normalized) text matched; otherwise the longest standard address the
 *              text starts with ("贡院街100号门口" → "贡院街100号")
 */
public record AddressMatch(StandardAddress address, boolean exact) {
}
