package cn.cabr.carbon.process;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

import cn.cabr.carbon.operations.OperationsStatistics;

/** JAX-RS root of the dashboard plugin, run by Camunda's Jersey servlet (not a Spring bean). */
@Path("plugin/" + CertificationCockpitPlugin.ID)
public class CertificationPluginRootResource extends AbstractCockpitPluginRootResource {

    public CertificationPluginRootResource() {
        super(CertificationCockpitPlugin.ID);
    }

    @Path("{engineName}/sessions")
    public SessionFiguresResource sessions(@PathParam("engineName") String engineName) {
        var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        return subResource(new SessionFiguresResource(engineName, spring.getBean(OperationsStatistics.class)),
                engineName);
    }
}
