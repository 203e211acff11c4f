package org.yiwang.notify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 消息通知 as a screen: the bell's count, opening a notice marks it read and goes where it points, all read. */
@NotifySpringTest
class InboxScreenTests {

    @Autowired MockMvc mvc;
    @Autowired Notifications notifications;

    @Test
    void aUserOpensANoticeFromTheInboxAndTheBellCountsWhatIsLeft() throws Exception {
        long me = 3101;
        notifications.notify(Notice.to(me, "notify.notice.announcement", "停水通知").withLink("/work-orders/17"));
        notifications.notify(Notice.to(me, "notify.notice.announcement", "例会"));
        notifications.notify(Notice.to(me, "notify.notice.announcement", "无链接"));
        notifications.notify(Notice.to(3102, "notify.notice.announcement", "别人的"));

        mvc.perform(get("/notifications/badge").with(authentication(NotifyActors.resident(me))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">3<")));
        // (a link that leaves the site cannot even be stored: Notice.withLink refuses it)
        mvc.perform(get("/notifications").with(authentication(NotifyActors.resident(me))).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公告：停水通知")))
                .andExpect(content().string(containsString("3 条未读")))
                .andExpect(content().string(not(containsString("别人的"))));

        long water = notifications.inbox(me, false, 0, 10, java.util.Locale.CHINA).items().stream()
                .filter(i -> i.text().contains("停水")).findFirst().orElseThrow().id();
        mvc.perform(post("/notifications/{id}/open", water).with(authentication(NotifyActors.resident(me))).with(csrf()))
                .andExpect(redirectedUrl("/work-orders/17"));
        long away = notifications.inbox(me, false, 0, 10, java.util.Locale.CHINA).items().stream()
                .filter(i -> i.text().contains("无链接")).findFirst().orElseThrow().id();
        mvc.perform(post("/notifications/{id}/open", away).with(authentication(NotifyActors.resident(me))).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        mvc.perform(post("/notifications/{id}/open", water).with(authentication(NotifyActors.resident(3102))).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unreadCount(me)).isEqualTo(1); // 例会 is left

        mvc.perform(post("/notifications/read-all").with(authentication(NotifyActors.resident(me))).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        mvc.perform(get("/notifications/badge").with(authentication(NotifyActors.resident(me))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("bell-count"))));
    }
}
