package cn.cabr.carbon.process;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link BusinessRefusalMappers} in every Jersey application of this server: the engine REST API and the
 * webapps' own engine API, which the Camunda starters configure without a hook of their own.
 */
public class BusinessRefusalFeature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> mapper : new Class<?>[] {BusinessRefusalMappers.ForProcessEngineExceptions.class,
                BusinessRefusalMappers.ForRestExceptions.class}) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
