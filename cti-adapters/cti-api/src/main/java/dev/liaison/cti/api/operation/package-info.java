/** Normalized CTI operations: agent login/logout/state, call control, call data, queued tasks and callbacks. */
package dev.liaison.cti.api.operation;
