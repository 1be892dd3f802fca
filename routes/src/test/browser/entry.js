// Bundled by esbuild at test time (JsSipCallsThroughTheTrunkIT): JsSIP for the test page, as window.JsSIP.
import JsSIP from 'jssip';

window.JsSIP = JsSIP;
