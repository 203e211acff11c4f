package org.yiwang.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTests {

    @Test
    void goesToTheInboxUnlessToldOtherwise() {
        Notice notice = Notice.to(7, "notify.notice.announcement", 42);
        assertThat(notice.channels()).containsExactly(Channel.INBOX);
        assertThat(notice.args()).containsExactly("42");
        assertThat(notice.via(Channel.SMS, Channel.SMS).channels()).containsExactly(Channel.SMS);
        assertThat(notice.withLink("/orders/1").withDedupKey("evt-1").link()).isEqualTo("/orders/1");
    }

    @Test
    void linksStayInsideThePlatform() {
        Notice notice = Notice.to(7, "notify.notice.announcement");
        assertThat(notice.withLink("/").link()).isEqualTo("/");
        assertThat(notice.withLink("/orders/1?tab=log#top").link()).isEqualTo("/orders/1?tab=log#top");
        for (String outside : new String[]{"https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "/a b", ""}) {
            assertThatThrownBy(() -> notice.withLink(outside)).as(outside).hasMessageContaining("link");
        }
    }

    @Test
    void refusesWhatCannotBeDelivered() {
        assertThatThrownBy(() -> Notice.to(List.of(), "notify.notice.announcement")).hasMessageContaining("recipients");
        assertThatThrownBy(() -> Notice.to(0, "notify.notice.announcement")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Notice.to(7, "not a key")).hasMessageContaining("templateKey");
        assertThatThrownBy(() -> new Notice(Set.of(7L), "k", java.util.Arrays.asList("a", null), null, Set.of(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Notice.to(7, "k", "x".repeat(2_001))).hasMessageContaining("longer");
        assertThatThrownBy(() -> Notice.to(7, "k").withDedupKey(" ")).hasMessageContaining("dedupKey");
        assertThatThrownBy(() -> Notice.to(7, "k").withDedupKey("a\nb")).hasMessageContaining("dedupKey");
    }

    @Test
    void retryDelaysDoubleUpToTheirCap() {
        NotifyProperties properties = new NotifyProperties(true, 100, 8, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofDays(30), "https://yiwang.example.cn//");
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.baseUrl()).isEqualTo("https://yiwang.example.cn");
    }

    @Test
    void recipientsShowOnlyMaskedAddresses() {
        Recipient recipient = new Recipient(7, "张三", "13812345678", "zhangsan@example.cn", null);
        assertThat(recipient.toString()).contains("138****5678").contains("z***@example.cn").doesNotContain("13812345678");
        assertThat(recipient.locale()).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(recipient.addressFor(Channel.SMS)).isEqualTo("13812345678");
        assertThat(new Recipient(7, "x", " ", null, null).addressFor(Channel.SMS)).isNull();
    }
}
