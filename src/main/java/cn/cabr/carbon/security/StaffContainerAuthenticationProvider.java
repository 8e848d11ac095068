package cn.cabr.carbon.security;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Signs staff who logged in at the application's login page in to Tasklist, Cockpit and Admin as well.
 * Candidates are signed in to the application too, but never to the Camunda webapps.
 */
public class StaffContainerAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        if (!request.isUserInRole("STAFF")) {
            return AuthenticationResult.unsuccessful();
        }
        return super.extractAuthenticatedUser(request, engine);
    }
}
