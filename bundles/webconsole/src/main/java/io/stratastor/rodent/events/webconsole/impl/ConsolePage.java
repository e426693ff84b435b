package io.stratastor.rodent.events.webconsole.impl;

import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Rodent Events" page, independent of any servlet API: GET renders the stats, the Toggle link,
 * the backlog, the filtered last events, the dead letters and the masked configuration; POST resends
 * dead letters and redirects back. Thread-safe: the references are atomic, each request reads them once.
 */
@Component(service = ConsolePage.class)
public final class ConsolePage {
    static final String NOT_RUNNING = "The event system is not running (the core bundle is stopped or updating).";
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePage.class);

    private final RecentEventsRing recent;
    // Optional and dynamic: the page stays up, and says so, while the core is stopped or updated.
    private final AtomicReference<EventSystem> system = new AtomicReference<>();
    private final AtomicReference<DeadLetterQueue> deadLetters = new AtomicReference<>();
    private final AtomicReference<ConfigurationAdmin> configAdmin = new AtomicReference<>();

    @Activate
    public ConsolePage(@Reference RecentEventsRing recent) {
        this.recent = recent;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setEventSystem(EventSystem eventSystem) {
        system.set(eventSystem);
    }

    void unsetEventSystem(EventSystem eventSystem) {
        system.compareAndSet(eventSystem, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setDeadLetterQueue(DeadLetterQueue queue) {
        deadLetters.set(queue);
    }

    void unsetDeadLetterQueue(DeadLetterQueue queue) {
        deadLetters.compareAndSet(queue, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConfigurationAdmin(ConfigurationAdmin admin) {
        configAdmin.set(admin);
    }

    void unsetConfigurationAdmin(ConfigurationAdmin admin) {
        configAdmin.compareAndSet(admin, null);
    }

    /**
     * One request to the page, as either adapter hands it over.
     *
     * @param sameOrigin whether the request came from the console's own pages ({@link ConsolePlugin#sameOrigin})
     * @return the answer; null for a method other than GET and POST, which the servlet answers itself
     */
    public PageResponse handle(String method, Map<String, String[]> parameters, boolean sameOrigin) {
        Map<String, String> fields = ConsolePlugin.fields(parameters);
        return switch (method) {
            case "GET" -> get(fields);
            // A browser names the page that sent a form: another site's form cannot resend with the console's log-in.
            case "POST" -> sameOrigin ? post(fields) : PageResponse.page(403, new PageHtml().notice("error",
                    "A form of another site posted to this page; refused, nothing was done").text());
            default -> null;
        };
    }

    /** A GET: the page, filtered by the query's fields; a state change asked by GET is refused (405). */
    public PageResponse get(Map<String, String> query) {
        PageHtml html = new PageHtml();
        if (query.containsKey("action")) {
            return PageResponse.page(405, html.notice("error", "'" + query.get("action")
                    + "' changes state and is accepted only as a POST (the page's buttons); nothing was done").text());
        }
        Outcome.describe(query).ifPresent(notice -> html.notice(notice.cssClass(), notice.message()));
        EventQuery filter;
        int status = 200;
        try {
            filter = EventQuery.of(query);
        } catch (IllegalArgumentException e) {
            html.notice("error", "Filter refused: " + e.getMessage());
            filter = EventQuery.ALL;
            status = 400;
        }
        EventSystem events = system.get();
        EventStats stats = events == null ? null : events.snapshot();
        if (stats == null) {
            html.notice("error", NOT_RUNNING);
        } else {
            html.toggleLink(stats).backlog(stats);
        }
        html.filterForm(filter).events(recent.newest(filter.filter(), filter.limit()));
        DeadLetterQueue queue = deadLetters.get();
        if (queue != null) {
            html.deadLetters(queue.list());
        }
        configuration(html);
        if (stats != null) {
            html.stats(stats.asMap());
        }
        return PageResponse.page(status, html.text());
    }

    private void configuration(PageHtml html) {
        ConfigurationAdmin admin = configAdmin.get();
        if (admin == null) {
            html.configuration(Map.of(), "Config Admin is not available: the configuration cannot be shown.");
            return;
        }
        try {
            html.configuration(MaskedConfiguration.read(admin), null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read configuration {} for the page: {}", MaskedConfiguration.PID, e.toString());
            html.configuration(Map.of(), "Cannot read configuration " + MaskedConfiguration.PID + ": " + e.getMessage());
        }
    }

    /** A POST: {@code action=resend} with {@code batch}, or {@code action=resend-all}; redirects to the page with the outcome. */
    public PageResponse post(Map<String, String> form) {
        String action = form.getOrDefault("action", "");
        DeadLetterQueue queue = deadLetters.get();
        if (!action.equals("resend") && !action.equals("resend-all")) {
            return PageResponse.page(400, new PageHtml().notice("error", "unknown action '" + action
                    + "'; the page posts action=resend with batch=BATCH_ID, or action=resend-all").text());
        }
        if (queue == null) {
            return PageResponse.redirect("?done=" + Outcome.NOT_RUNNING);
        }
        if (action.equals("resend-all")) {
            int events = queue.resendAll();
            LOG.info("Web Console: every dead letter queued again ({} events)", events);
            return PageResponse.redirect("?done=" + Outcome.RESENT_ALL + "&events=" + events);
        }
        String batch = form.getOrDefault("batch", "");
        // Logged as given, less line breaks: a form value cannot forge log lines.
        String logged = batch.replaceAll("\\p{Cntrl}", "?");
        try {
            int events = queue.resend(batch);
            LOG.info("Web Console: dead letter {} queued again ({} events)", logged, events);
            return PageResponse.redirect("?done=" + Outcome.RESENT + "&events=" + events + "&batch=" + encode(batch));
        } catch (IllegalArgumentException e) {
            LOG.warn("Web Console: resend of {} refused: no such dead letter", logged);
            return PageResponse.redirect("?done=" + Outcome.UNKNOWN_BATCH + "&batch=" + encode(batch));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
