package io.stratastor.rodent.events.webconsole.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsolePageTest {
    private static final String HOSTILE = "<script>alert('x')</script>\"&";

    private final RecentEventsRing ring = new RecentEventsRing(config(RecentEventsRing.DEFAULT_KEPT));
    private final PageFixtures.Letters letters = new PageFixtures.Letters();
    private ConsolePage page;

    static RecentEventsRing.Config config(int kept) {
        return org.osgi.util.converter.Converters.standardConverter().convert(Map.of("kept_events", kept))
                .to(RecentEventsRing.Config.class);
    }

    @BeforeEach
    void wire() {
        page = new ConsolePage(ring);
        page.setEventSystem(PageFixtures.system(PageFixtures.stats(42, "connected", "")));
        page.setDeadLetterQueue(letters);
        page.setConfigurationAdmin(PageFixtures.configAdmin(Map.of("toggle.jwt", "eyJ.secret.token", "batch_size", 50)));
    }

    @Test
    void thePageShowsTheStatsTheToggleLinkTheBacklogAndTheConfigurationWithTheTokenMasked() {
        PageResponse answer = page.handle("GET", Map.of(), true);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.html()).contains("<tr id=\"stats-sent\"><th>sent</th><td>42</td></tr>")
                .contains("<tr id=\"toggle-toggle_state\"><th>toggle_state</th><td>connected</td></tr>")
                .contains("<tr id=\"backlog-pending\"><th>pending</th><td>3</td></tr>")
                .contains("<tr id=\"configuration-toggle.jwt\"><th>toggle.jwt</th><td>set</td></tr>")
                .contains("<tr id=\"configuration-batch_size\"><th>batch_size</th><td>50</td></tr>")
                .doesNotContain("eyJ.secret.token").doesNotContain("service.pid");
    }

    @Test
    void hostileTextFromEventsDeadLettersAndTheQueryIsEscaped() {
        ring.keep(PageFixtures.event(Level.WARN, Category.STORAGE, "storage.pool.created", Map.of("note", HOSTILE)).toByteArray());
        letters.add("batch-" + HOSTILE, 2, HOSTILE);

        String html = page.handle("GET", Map.of("type", new String[] {HOSTILE}), true).html()
                + page.handle("GET", Map.of("done", new String[] {"unknown-batch"}, "batch", new String[] {HOSTILE}), true).html();

        assertThat(html).doesNotContain("<script>").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
    }

    @Test
    void theEventListIsFilteredByTypeAndLevelNewestFirst() {
        ring.keep(PageFixtures.event(Level.INFO, Category.STORAGE, "storage.pool.created", Map.of("n", "1")).toByteArray());
        ring.keep(PageFixtures.event(Level.ERROR, Category.STORAGE, "storage.pool.created", Map.of("n", "2")).toByteArray());
        ring.keep(PageFixtures.event(Level.CRITICAL, Category.IDENTITY, "identity.user.created", Map.of("n", "3")).toByteArray());
        ring.keep(PageFixtures.event(Level.WARN, Category.STORAGE, "storage.dataset.created", Map.of("n", "4")).toByteArray());

        String html = page.handle("GET", Map.of("level", new String[] {"warn"}, "type", new String[] {"storage.*.created"}), true).html();

        assertThat(html).contains("<p id=\"events-shown\">2 shown</p>");
        assertThat(html.indexOf("n=4")).isPositive().isLessThan(html.indexOf("n=2"));
        assertThat(html).doesNotContain("n=1").doesNotContain("n=3");
    }

    @Test
    void aBadFilterIsRefusedNamingTheFieldAndTheListShowsEverything() {
        ring.keep(PageFixtures.event(Level.INFO, Category.STORAGE, "storage.pool.created", Map.of()).toByteArray());

        PageResponse answer = page.handle("GET", Map.of("level", new String[] {"loud"}), true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.html()).contains("Filter refused: unknown level &#39;loud&#39;; expected one of").contains("1 shown");
    }

    @Test
    void aResendAskedByGetIsRefusedAndChangesNothing() {
        letters.add("b1", 3, "refused");

        PageResponse answer = page.handle("GET", Map.of("action", new String[] {"resend"}, "batch", new String[] {"b1"}), true);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.html()).contains("accepted only as a POST");
        assertThat(letters.resent).isEmpty();
    }

    @Test
    void aPostResendsOneDeadLetterAndRedirectsToThePageSayingSo() {
        letters.add("b1", 3, "refused").add("b2", 5, "refused");

        PageResponse answer = page.handle("POST", Map.of("action", new String[] {"resend"}, "batch", new String[] {"b2"}), true);

        assertThat(letters.resent).containsExactly("b2");
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.redirect()).isEqualTo("?done=resent&events=5&batch=b2");
        assertThat(page.handle("GET", Map.of("done", new String[] {"resent"}, "events", new String[] {"5"}, "batch", new String[] {"b2"}), true)
                .html()).contains("Dead letter b2 queued again: 5 events.").contains("class=\"batch\">b1<").doesNotContain(">b2<");
    }

    @Test
    void resendAllAndAnUnknownBatchAndAnUnknownAction() {
        letters.add("b1", 3, "refused").add("b2", 5, "refused");

        assertThat(page.handle("POST", Map.of("action", new String[] {"resend"}, "batch", new String[] {"nope"}), true).redirect())
                .isEqualTo("?done=unknown-batch&batch=nope");
        assertThat(page.handle("POST", Map.of("action", new String[] {"resend-all"}), true).redirect()).isEqualTo("?done=resent-all&events=8");
        assertThat(letters.resent).containsExactly("b1", "b2");
        PageResponse unknown = page.handle("POST", Map.of("action", new String[] {"delete"}), true);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html()).contains("unknown action &#39;delete&#39;");
    }

    @Test
    void aResendPostedByAnotherSitesFormIsRefused() {
        letters.add("b1", 3, "refused");

        PageResponse answer = page.handle("POST", Map.of("action", new String[] {"resend-all"}), false);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(letters.resent).isEmpty();
        assertThat(ConsolePlugin.sameOrigin("http://127.0.0.1:8080", "http", "127.0.0.1", 8080)).isTrue();
        assertThat(ConsolePlugin.sameOrigin("http://localhost", "http", "localhost", 80)).isTrue();
        assertThat(ConsolePlugin.sameOrigin(null, "http", "localhost", 8080)).isTrue();
        assertThat(ConsolePlugin.sameOrigin("https://evil.example", "http", "127.0.0.1", 8080)).isFalse();
        assertThat(ConsolePlugin.sameOrigin("http://127.0.0.1:8081", "http", "127.0.0.1", 8080)).isFalse();
    }

    @Test
    void withoutTheCoreThePageSaysSoAndAResendChangesNothing() {
        ConsolePage bare = new ConsolePage(ring);

        assertThat(bare.handle("GET", Map.of(), true).html()).contains(ConsolePage.NOT_RUNNING)
                .contains("Config Admin is not available").doesNotContain("id=\"stats\"");
        assertThat(bare.handle("POST", Map.of("action", new String[] {"resend-all"}), true).redirect()).isEqualTo("?done=not-running");
        assertThat(bare.handle("PUT", Map.of(), true)).isNull();
    }
}
