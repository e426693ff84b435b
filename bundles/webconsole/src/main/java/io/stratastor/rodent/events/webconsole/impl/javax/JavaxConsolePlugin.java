package io.stratastor.rodent.events.webconsole.impl.javax;

import io.stratastor.rodent.events.webconsole.impl.ConsolePage;
import io.stratastor.rodent.events.webconsole.impl.ConsolePlugin;
import io.stratastor.rodent.events.webconsole.impl.PageResponse;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The page as a plugin of Karaf's Web Console 4 (javax.servlet), enabled by ServletApiSwitch; the jakarta
 * adapter is its twin, as the two servlet APIs share no type. Thread-safe as the page is.
 */
@Component(service = Servlet.class, enabled = false, property = {ConsolePlugin.LABEL, ConsolePlugin.TITLE, ConsolePlugin.CATEGORY})
public final class JavaxConsolePlugin extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ConsolePage page;

    @Activate
    public JavaxConsolePlugin(@Reference ConsolePage page) {
        this.page = page;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        PageResponse answer = page.handle(request.getMethod(), request.getParameterMap(), ConsolePlugin.sameOrigin(
                request.getHeader("Origin"), request.getScheme(), request.getServerName(), request.getServerPort()));
        if (answer == null) {
            super.service(request, response);
        } else if (answer.redirect() != null) {
            response.sendRedirect(request.getRequestURI() + answer.redirect());
        } else {
            response.setStatus(answer.status());
            response.setContentType(ConsolePlugin.CONTENT_TYPE);
            response.getWriter().write(answer.html());
        }
    }
}
