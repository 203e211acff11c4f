package org.yiwang.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.notify.Recipient;
import org.yiwang.notify.RecipientDirectory;

import java.util.Locale;
import java.util.Optional;

/** Where notifications reach a user by SMS: their phone, unmasked only for sending, never shown. */
@Component
class NotificationRecipients implements RecipientDirectory {

    private final JdbcClient jdbc;

    NotificationRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Recipient> find(long userId) {
        return jdbc.sql("SELECT id, display_name, phone FROM people_user WHERE id = :id AND enabled")
                .param("id", userId)
                .query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("display_name"), rs.getString("phone"), null,
                        Locale.SIMPLIFIED_CHINESE))
                .optional();
    }
}
