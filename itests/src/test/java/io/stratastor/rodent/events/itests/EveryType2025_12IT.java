package io.stratastor.rodent.events.itests;

import io.stratastor.rodent.events.api.EventSystem;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/** Every type of the catalogue reaches a Toggle of generation 2025-12, every value checked ({@link EveryTypeShipping}). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EveryType2025_12IT {
    @Inject private BundleContext context;
    @Inject private ConfigurationAdmin configAdmin;
    @Inject private EventSystem eventSystem;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(EveryType2025_12IT.class, EveryTypeShipping.TOKEN, "2025-12");
        return new Option[] {NodeOptions.node()};
    }

    @Test
    public void everyTypeArrivesWithEveryValue() throws Exception {
        new EveryTypeShipping(context, configAdmin, eventSystem).run(EveryType2025_12IT.class, "2025-12");
    }
}
