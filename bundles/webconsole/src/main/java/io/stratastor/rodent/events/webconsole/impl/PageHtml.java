package io.stratastor.rodent.events.webconsole.impl;

import static io.stratastor.rodent.events.webconsole.impl.Html.escape;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The page's sections as HTML, every value escaped. Element ids ({@code stat-sent}, {@code events},
 * {@code dead-letters}, …) are stable for scripts and tests. Not thread-safe: one per request.
 */
final class PageHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder html = new StringBuilder(8192);

    String text() {
        return html.toString();
    }

    PageHtml notice(String cssClass, String message) {
        html.append("<p class=\"").append(cssClass).append("\" id=\"notice\">").append(escape(message)).append("</p>\n");
        return this;
    }

    PageHtml toggleLink(EventStats stats) {
        EventStats.Shipping shipping = stats.shipping();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("toggle_state", shipping.toggleState());
        rows.put("toggle_address", shipping.toggleAddress());
        rows.put("toggle_token", shipping.tokenSet() ? "set" : "not set");
        rows.put("toggle_schema", shipping.toggleSchema());
        rows.put("toggle_compression", shipping.toggleCompression());
        rows.put("last_error", shipping.lastError());
        rows.put("failed_sends", shipping.failedSends());
        rows.put("auth_failures", shipping.authFailures());
        rows.put("in_flight", shipping.inFlight());
        rows.put("drain_rate", Math.round(shipping.drainRate() * 10) / 10.0);
        return table("toggle", "Toggle link", rows);
    }

    PageHtml backlog(EventStats stats) {
        EventStats.Store store = stats.store();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("pending", store.pending());
        rows.put("oldest_pending_age_ms", store.oldestPendingAgeMs());
        rows.put("store_state", store.state());
        rows.put("max_buffer_size", store.maxBufferSize());
        if (store.spool() != null) {
            rows.put("spool_bytes", store.spool().bytes());
            rows.put("spool_capacity_bytes", store.spool().capacityBytes());
            rows.put("spool_segments", store.spool().segments());
            rows.put("disk_errors", store.spool().diskErrors());
        }
        rows.put("dead_lettered", stats.shipping().deadLettered());
        return table("backlog", "Backlog", rows);
    }

    PageHtml stats(Map<String, Object> all) {
        return table("stats", "Stats", all);
    }

    PageHtml configuration(Map<String, String> shown, String problem) {
        if (problem != null) {
            html.append("<h2>Configuration</h2>\n");
            return notice("error", problem);
        }
        Map<String, Object> rows = new TreeMap<>(shown);
        return table("configuration", "Configuration (PID " + MaskedConfiguration.PID + ", Config Admin values; secrets only as set / not set)",
                rows);
    }

    PageHtml filterForm(EventQuery query) {
        html.append("<h2>Last events</h2>\n<form method=\"get\" id=\"event-filter\">")
                .append("<label>Most <input name=\"n\" id=\"filter-n\" size=\"5\" value=\"").append(query.limit()).append("\"></label> ")
                .append(select("level", "lowest level", EventQuery.levelsByRank().toArray(Level[]::new), query.level()))
                .append(select("category", "category", Category.values(), query.category()))
                .append("<label>type <input name=\"type\" id=\"filter-type\" placeholder=\"storage.*.created\" value=\"")
                .append(escape(query.type())).append("\"></label> ")
                .append("<button type=\"submit\" id=\"filter-apply\">Filter</button></form>\n");
        return this;
    }

    private static String select(String name, String label, Enum<?>[] values, Enum<?> chosen) {
        StringBuilder options = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name)
                .append("\" id=\"filter-").append(name).append("\"><option value=\"\">all</option>");
        for (Enum<?> value : values) {
            String option = value.name().toLowerCase(java.util.Locale.ROOT);
            options.append("<option value=\"").append(option).append('"').append(value == chosen ? " selected" : "").append('>')
                    .append(option).append("</option>");
        }
        return options.append("</select></label> ").toString();
    }

    PageHtml events(List<Event> events) {
        html.append("<table class=\"tablelayout\" id=\"events\"><thead><tr><th>time</th><th>level</th><th>category</th><th>type</th>")
                .append("<th>source</th><th>metadata</th><th>payload</th></tr></thead><tbody>\n");
        for (Event event : events) {
            html.append("<tr class=\"event\"><td>").append(TIME.format(Instant.ofEpochMilli(event.getTimestamp())))
                    .append("</td><td class=\"level\">").append(level(event.getLevel()))
                    .append("</td><td class=\"category\">").append(escape(category(event)))
                    .append("</td><td class=\"type\">").append(escape(event.getEventType()))
                    .append("</td><td class=\"source\">").append(escape(event.getSource()))
                    .append("</td><td class=\"metadata\">").append(escape(metadata(event.getMetadataMap())))
                    .append("</td><td>").append(escape(event.getPayloadType())).append(' ').append(event.getPayload().size())
                    .append(" bytes</td></tr>\n");
        }
        html.append("</tbody></table>\n<p id=\"events-shown\">").append(events.size()).append(" shown</p>\n");
        return this;
    }

    PageHtml deadLetters(List<DeadLetter> letters) {
        html.append("<h2>Dead letters</h2>\n<p>Batches Toggle refused for good, kept until sent again.</p>\n")
                .append("<table class=\"tablelayout\" id=\"dead-letters\"><thead><tr><th>batch</th><th>events</th><th>kept at</th>")
                .append("<th>Toggle's reason</th><th></th></tr></thead><tbody>\n");
        for (DeadLetter letter : letters) {
            html.append("<tr class=\"dead-letter\"><td class=\"batch\">").append(escape(letter.batchId()))
                    .append("</td><td>").append(letter.eventCount()).append("</td><td>").append(escape(letter.keptAt()))
                    .append("</td><td>").append(escape(letter.reason())).append("</td><td>")
                    .append(resendForm("resend", letter.batchId(), "Resend")).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (!letters.isEmpty()) {
            html.append(resendForm("resend-all", null, "Resend all"));
        }
        return this;
    }

    // State changes are POSTs: a link or a prefetch cannot resend.
    private static String resendForm(String action, String batchId, String label) {
        return "<form method=\"post\" class=\"" + action + "\"><input type=\"hidden\" name=\"action\" value=\"" + action + "\">"
                + (batchId == null ? "" : "<input type=\"hidden\" name=\"batch\" value=\"" + escape(batchId) + "\">")
                + "<button type=\"submit\">" + label + "</button></form>";
    }

    private PageHtml table(String id, String title, Map<String, ?> rows) {
        html.append("<h2>").append(escape(title)).append("</h2>\n<table class=\"tablelayout\" id=\"").append(id).append("\"><tbody>\n");
        rows.forEach((key, value) -> html.append("<tr id=\"").append(id).append('-').append(escape(key)).append("\"><th>")
                .append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>\n"));
        html.append("</tbody></table>\n");
        return this;
    }

    private static String level(EventLevel wire) {
        return wire == EventLevel.EVENT_LEVEL_UNSPECIFIED || wire == EventLevel.UNRECOGNIZED ? "-" : Level.of(wire).label();
    }

    private static String category(Event event) {
        try {
            return Category.of(event.getCategory()).label();
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }

    private static String metadata(Map<String, String> metadata) {
        return new TreeMap<>(metadata).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
