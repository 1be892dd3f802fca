package dev.liaison.palettes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots every palettes feature, without the gateway, media or Camel, for the module's own integration tests. */
@SpringBootApplication
public class PalettesTestApplication {}
