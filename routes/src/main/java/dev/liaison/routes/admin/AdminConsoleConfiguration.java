package dev.liaison.routes.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin console at {@code /admin/}: static files ({@code static/admin/}), its page served for the folder's URL.
 * Signing in is the security chain's job ({@code /admin/**} needs a signed-in user; the page itself tells a user
 * without ADMIN that it needs the role).
 */
@Configuration(proxyBeanMethods = false)
class AdminConsoleConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }
}
