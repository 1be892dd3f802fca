/** Palettes: visual IVR, context relay, the built-in ACD and the agent desktop, one package per feature. */
package dev.liaison.palettes;
