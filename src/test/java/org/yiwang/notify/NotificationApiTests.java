package org.yiwang.notify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox API: each user sees and marks only their own notices, in their language. */
@NotifySpringTest
class NotificationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;

    @Test
    void aUserListsTheirNoticesUnreadFirstInTheirLanguage() throws Exception {
        long me = 3001;
        notifications.notify(Notice.to(me, "notify.notice.announcement", "旧").withLink("/notices/1"));
        notifications.notify(Notice.to(me, "notify.notice.announcement", "新"));
        notifications.notify(Notice.to(3002, "notify.notice.announcement", "别人的"));
        long old = notifications.inbox(me, false, 0, 20, Locale.ENGLISH).items().getLast().id();
        notifications.markRead(me, notifications.inbox(me, false, 0, 20, Locale.ENGLISH).items().getFirst().id());

        mvc.perform(get("/api/notifications").with(authentication(NotifyActors.resident(me))).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(old))
                .andExpect(jsonPath("$.items[0].text").value("公告：旧"))
                .andExpect(jsonPath("$.items[0].link").value("/notices/1"))
                .andExpect(jsonPath("$.items[0].unread").value(true))
                .andExpect(jsonPath("$.items[1].text").value("公告：新"))
                .andExpect(jsonPath("$.items[1].unread").value(false));
        mvc.perform(get("/api/notifications").param("unread", "true").param("lang", "en")
                        .with(authentication(NotifyActors.resident(me))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].text").value("Announcement: 旧"));
    }

    @Test
    void aUserCountsMarksAndClearsTheirUnreadNotices() throws Exception {
        long me = 3011;
        for (int i = 0; i < 3; i++) {
            notifications.notify(Notice.to(me, "notify.notice.announcement", i));
        }
        long first = notifications.inbox(me, false, 0, 20, Locale.ENGLISH).items().getFirst().id();

        mvc.perform(get("/api/notifications/unread-count").with(authentication(NotifyActors.gridWorker(me))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(3));
        mvc.perform(post("/api/notifications/{id}/read", first).with(csrf()).with(authentication(NotifyActors.gridWorker(me))))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/notifications/unread-count").with(authentication(NotifyActors.gridWorker(me))))
                .andExpect(jsonPath("$.unread").value(2));
        mvc.perform(post("/api/notifications/read-all").with(csrf()).with(authentication(NotifyActors.gridWorker(me))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(2));
        mvc.perform(get("/api/notifications/unread-count").with(authentication(NotifyActors.gridWorker(me))))
                .andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void nobodyReadsOrMarksAnotherUsersNotice() throws Exception {
        notifications.notify(Notice.to(3021, "notify.notice.announcement", "私"));
        long theirs = notifications.inbox(3021, false, 0, 1, Locale.ENGLISH).items().getFirst().id();

        mvc.perform(post("/api/notifications/{id}/read", theirs).with(csrf()).with(authentication(NotifyActors.resident(3022)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("notify.error.noticeNotFound"))
                .andExpect(jsonPath("$.detail").value("You have no notification " + theirs));
        mvc.perform(get("/api/notifications").with(authentication(NotifyActors.resident(3022))))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/notifications/read-all").with(csrf()).with(authentication(NotifyActors.resident(3022))))
                .andExpect(jsonPath("$.marked").value(0));
        assertThat(notifications.unreadCount(3021)).isEqualTo(1);
    }

    @Test
    void signingInAndACsrfTokenAreRequired() throws Exception {
        mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/notifications/read-all").with(authentication(NotifyActors.resident(3031))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedInTheUsersLanguage() throws Exception {
        mvc.perform(get("/api/notifications").param("size", "500").with(authentication(NotifyActors.resident(3041)))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("每页条数须在 1 到 100 之间"));
        mvc.perform(get("/api/notifications").param("page", "-1").with(authentication(NotifyActors.resident(3041)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The page number must not be negative"));
    }

    @Test
    void onlyACitywideAdministratorSeesAndRetriesOutboundMessages() throws Exception {
        mvc.perform(get("/api/notifications/outbox").param("status", "failed").with(authentication(NotifyActors.cityAdmin(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/api/notifications/outbox").with(authentication(NotifyActors.streetAdmin(2))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("notify.error.citywideOnly"));
        mvc.perform(get("/api/notifications/outbox").with(authentication(NotifyActors.gridWorker(3))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications/outbox").param("status", "LOST").with(authentication(NotifyActors.cityAdmin(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("notify.error.status"));
        mvc.perform(post("/api/notifications/outbox/{id}/retry", 987654).with(csrf()).with(authentication(NotifyActors.cityAdmin(1))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("notify.error.nothingToRetry"));
    }
}
