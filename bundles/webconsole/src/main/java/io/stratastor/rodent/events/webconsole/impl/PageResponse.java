package io.stratastor.rodent.events.webconsole.impl;

/**
 * What a servlet adapter sends back for one request: HTML content with a status, or a redirect
 * (after a POST, so that reloading the page repeats nothing). Immutable.
 *
 * @param status the HTTP status
 * @param html the page's content, empty for a redirect
 * @param redirect the query string to redirect to on the same page ({@code ?done=…}), or null
 */
public record PageResponse(int status, String html, String redirect) {
    static PageResponse page(int status, String html) {
        return new PageResponse(status, html, null);
    }

    static PageResponse redirect(String query) {
        return new PageResponse(303, "", query);
    }
}
