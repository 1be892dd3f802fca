/** Client signaling gateway: JSON and SIP over WebSocket for browsers and apps, and the SIP trunk to the PBX. */
package dev.liaison.gateway;
