package dev.liaison.routes.desktop;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the agent desktop, the static page {@code static/agent/index.html}, at {@code /agent/} ({@code /agent} is
 * redirected there so the page's relative module paths resolve). Signing in is the security configuration's job: a
 * browser that opens the page without a session is sent to {@code /login} and comes back here.
 */
@Configuration(proxyBeanMethods = false)
class AgentDesktopPages implements WebMvcConfigurer {

    static final String PATH = "/agent/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/agent", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }
}
