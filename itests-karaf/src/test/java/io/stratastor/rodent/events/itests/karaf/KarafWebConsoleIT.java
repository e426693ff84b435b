package io.stratastor.rodent.events.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The feature {@code rodent-events-webconsole} in a real Apache Karaf 4.4.10: the page's javax adapter
 * (not the jakarta one) activates, and Karaf's Web Console serves the page to an admin, and to no one
 * without a password.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafWebConsoleIT {
    private static final String PORT_PROPERTY = "rodent.itest.http.port";
    private static final String USER = "itest-admin";
    private static final String PASSWORD = "itest-console-password";
    private static final String PAGE_BUNDLE = "io.stratastor.rodent.events.webconsole";

    @Inject private BundleContext context;
    @Inject private ServiceComponentRuntime scr;

    @Configuration
    public Option[] configure() throws IOException {
        String port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = String.valueOf(socket.getLocalPort());
        }
        return new Option[] {composite(KarafNode.withFeatures(Map.of(PORT_PROPERTY, port), "rodent-events-webconsole"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                // A user with role admin, which Karaf's Web Console asks for.
                editConfigurationFilePut("etc/users.properties", USER, PASSWORD + ",admin"))};
    }

    @Test
    public void theJavaxAdapterServesThePageInKarafsWebConsoleBehindItsLogIn() throws Exception {
        Bundle page = Stream.of(context.getBundles()).filter(bundle -> PAGE_BUNDLE.equals(bundle.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + PAGE_BUNDLE + " is not installed"));
        assertEquals(Bundle.ACTIVE, page.getState());
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(page)) {
            boolean jakarta = description.name.endsWith("JakartaConsolePlugin");
            assertEquals(description.name + " enabled", !jakarta, scr.isComponentEnabled(description));
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                assertEquals(description.name + " (failure: " + configuration.failure + ")", ComponentConfigurationDTO.ACTIVE,
                        configuration.state);
            }
        }

        URL url = new URL("http://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + "/system/console/rodent-events");
        assertEquals("without a password", 401, get(url, null).status());
        Answer answer = get(url, USER + ":" + PASSWORD);
        assertEquals(answer.body(), 200, answer.status());
        assertTrue(answer.body(), answer.body().contains("<table class=\"tablelayout\" id=\"stats\">"));
        assertTrue(answer.body(), answer.body().contains("<tr id=\"toggle-toggle_token\"><th>toggle_token</th><td>not set</td></tr>"));
        assertFalse("the page is rendered once", answer.body().indexOf("id=\"stats\"") != answer.body().lastIndexOf("id=\"stats\""));
    }

    private record Answer(int status, String body) {
    }

    private static Answer get(URL url, String credentials) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        if (credentials != null) {
            connection.setRequestProperty("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }
}
