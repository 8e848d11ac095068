package cn.cabr.carbon.process;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' dashboard in Cockpit: per exam session the cases at each stage, pass rate, voided sittings,
 * overdue tasks and open incidents, each number linking to the matching process instances. Registered in
 * META-INF/services; its front end is {@code plugin-webapp/certification-dashboard/app/plugin.js}, its JSON
 * {@code /camunda/api/cockpit/plugin/certification-dashboard/default/sessions} (managers only).
 */
public class CertificationCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "certification-dashboard";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(CertificationPluginRootResource.class);
    }
}
