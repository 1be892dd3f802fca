package dev.liaison.media.srtp;

import org.jitsi.srtp.SrtpPolicy;

/** jitsi-srtp policies for our profiles. */
final class SrtpPolicies {
    private static final int HMAC_SHA1_KEY_LENGTH = 20;

    private SrtpPolicies() {}

    static SrtpPolicy rtp(SrtpProfile profile) {
        return policy(profile, profile.rtpTagLength());
    }

    static SrtpPolicy rtcp(SrtpProfile profile) {
        return policy(profile, profile.rtcpTagLength());
    }

    private static SrtpPolicy policy(SrtpProfile profile, int tagLength) {
        SrtpPolicy policy = profile.aead()
                ? new SrtpPolicy(
                        SrtpPolicy.AESGCM_ENCRYPTION,
                        profile.keyLength(),
                        SrtpPolicy.NULL_AUTHENTICATION,
                        0,
                        tagLength,
                        profile.saltLength())
                : new SrtpPolicy(
                        SrtpPolicy.AESCM_ENCRYPTION,
                        profile.keyLength(),
                        SrtpPolicy.HMACSHA1_AUTHENTICATION,
                        HMAC_SHA1_KEY_LENGTH,
                        tagLength,
                        profile.saltLength());
        policy.setReceiveReplayEnabled(true);
        return policy;
    }
}
