/** Normalized CTI events and operations that every external contact-center adapter maps to and from. */
package dev.liaison.cti.api;
