package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import java.util.Locale;
import java.util.Map;

/**
 * Notes the platform itself writes on a step (自动立案, 自动派遣, 重复上报). They are stored once, in Chinese, like any
 * note; screens and answers show them in the reader's language. Notes written by people are shown as written.
 */
public final class SystemNotes {

    /** 自动立案 — filed under the sorter's or the reporter's category without a dispatcher. */
    public static final String AUTO_FILED = "自动立案";
    /** 自动派遣 — sent to the unit routing chose without a dispatcher. */
    public static final String AUTO_DISPATCHED = "自动派遣";
    /** 重复上报 — merged into an earlier order as a duplicate, without a note of the dispatcher's. */
    public static final String DUPLICATE = "重复上报";

    private static final Map<String, String> KEYS = Map.of(
            AUTO_FILED, "workorder.note.autoFiled",
            AUTO_DISPATCHED, "workorder.note.autoDispatched",
            DUPLICATE, "workorder.note.duplicate",
            // the bilingual spellings of earlier versions, still in stored histories
            "自动立案 / filed automatically", "workorder.note.autoFiled",
            "自动派遣 / dispatched automatically", "workorder.note.autoDispatched",
            "重复上报 / duplicate report", "workorder.note.duplicate");

    private SystemNotes() {
    }

    /** The note in the reader's language when the platform wrote it, else unchanged (null stays null). */
    public static @Nullable String localize(@Nullable String note, MessageSource messages, Locale locale) {
        if (note == null) {
            return null;
        }
        String key = KEYS.get(note);
        return key == null ? note : messages.getMessage(key, null, note, locale);
    }
}
