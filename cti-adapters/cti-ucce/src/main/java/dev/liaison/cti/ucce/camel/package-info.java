/** The {@code ucce:} Camel component: component, endpoint, configuration, consumer, producer, headers, health check. */
package dev.liaison.cti.ucce.camel;
