package cn.cabr.carbon.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four chains, most specific first: Actuator (manager only but the bare health status), the engine REST API (HTTP Basic, staff only), the Camunda webapps (their
 * own login, CSRF and headers, plus single sign-on from our login page), and everything else (one login
 * page, CSRF, JSON errors for the API).
 */
@Configuration
class SecurityConfig {

    /**
     * Makes string matchers match the full path. Camunda's REST API and webapps are separate servlets; without
     * this, Spring Security 6.5 matches "/engine-rest/**" only within the MVC servlet and the chain never applies.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PortalAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Actuator: the bare health status is open (load balancers); health details and the Prometheus metrics need a
     * manager, by HTTP Basic against the staff directory (scrapers) or a signed-in manager's session. Only health
     * and prometheus are exposed (application.yaml).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManager authenticationManager,
            SecurityContextRepository securityContextRepository) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authenticationManager(authenticationManager)
                .securityContext(c -> c.securityContextRepository(securityContextRepository))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        JsonSecurityHandlers.unauthorized("Basic realm=\"actuator\"")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(JsonSecurityHandlers.unauthorized("Basic realm=\"actuator\""))
                        .accessDeniedHandler(JsonSecurityHandlers.forbidden()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .anyRequest().hasRole("MANAGER"))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.securityMatcher("/engine-rest/**")
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        JsonSecurityHandlers.unauthorized("Basic realm=\"engine-rest\"")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(JsonSecurityHandlers.unauthorized("Basic realm=\"engine-rest\""))
                        .accessDeniedHandler(JsonSecurityHandlers.forbidden()))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(Roles.STAFF))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
        // Camunda's webapps bring their own login, CSRF filter and security headers; ours would break them.
        return http.securityMatcher("/camunda/**")
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain applicationChain(HttpSecurity http, AuthenticationManager authenticationManager,
            SecurityContextRepository securityContextRepository) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request, so the cookie is always set
        return http
                .authenticationManager(authenticationManager)
                .securityContext(c -> c.securityContextRepository(securityContextRepository))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/images/**").permitAll()
                        .requestMatchers("/register", "/password/forgot", "/password/reset").permitAll()
                        .requestMatchers("/api/auth/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/sessions").permitAll()
                        // public certificate verification (rate-limited, masked name only)
                        .requestMatchers(HttpMethod.GET, "/verify", "/verify/*", "/api/public/certificates/*").permitAll()
                        .requestMatchers("/api/manager/**").hasRole("MANAGER")
                        .requestMatchers("/manager", "/manager/**").hasRole("MANAGER")
                        .requestMatchers("/staff/**").hasAnyRole("REVIEWER", "ADJUDICATOR", "GRADER", "PROCTOR", "MANAGER")
                        .requestMatchers("/api/staff/live/**").hasRole("PROCTOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(JsonSecurityHandlers.unauthorized(null), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(JsonSecurityHandlers.forbidden(), api)
                        .defaultAccessDeniedHandlerFor(new PageAccessDeniedHandler(), request -> true))
                .build();
    }

    @Bean
    FilterRegistrationBean<EngineRestAuthorizationFilter> engineRestAuthorizationFilter(IdentityService identityService) {
        FilterRegistrationBean<EngineRestAuthorizationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthorizationFilter(identityService));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Staff signed in at our login page are signed in to the Camunda webapps too (one session, one logout). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", StaffContainerAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
