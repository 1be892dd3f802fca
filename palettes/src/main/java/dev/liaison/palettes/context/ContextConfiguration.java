package dev.liaison.palettes.context;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the typed settings of the context relay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContextProperties.class)
class ContextConfiguration {}
