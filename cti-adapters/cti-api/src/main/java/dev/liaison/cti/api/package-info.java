/**
 * Normalized CTI model that every external contact-center adapter and the built-in ACD speak: {@code event} (what the
 * contact center reports), {@code operation} (what we ask of it), {@code identity} (correlation ID to vendor call
 * identity), {@code screenpop} (context to screen-pop fields with limits), {@code error} (typed failures).
 */
package dev.liaison.cti.api;
