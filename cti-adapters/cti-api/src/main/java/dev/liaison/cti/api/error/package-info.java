/** Typed CTI failures: one exception type carrying a {@link dev.liaison.cti.api.error.CtiFailure} and the vendor code. */
package dev.liaison.cti.api.error;
