package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** The use_srtp extension (RFC 5764 4.1): offering our profiles, choosing one, reading the choice. */
final class SrtpExtension {
    private SrtpExtension() {}

    static void offer(Hashtable<Integer, byte[]> extensions, List<SrtpProfile> profiles) throws IOException {
        int[] ids = profiles.stream().mapToInt(SrtpProfile::dtlsId).toArray();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
    }

    static void answer(Hashtable<Integer, byte[]> extensions, SrtpProfile chosen) throws IOException {
        TlsSRTPUtils.addUseSRTPExtension(
                extensions, new UseSRTPData(new int[] {chosen.dtlsId()}, TlsUtils.EMPTY_BYTES));
    }

    /** The first of our profiles (by preference) that the client offered. */
    static SrtpProfile choose(Hashtable<?, ?> clientExtensions, List<SrtpProfile> ours, HandshakeProblem problem)
            throws IOException {
        UseSRTPData offered = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered != null) {
            for (SrtpProfile profile : ours) {
                for (int id : offered.getProtectionProfiles()) {
                    if (id == profile.dtlsId()) {
                        return profile;
                    }
                }
            }
        }
        problem.record(DtlsFailure.NO_COMMON_SRTP_PROFILE, "client offered no SRTP profile we accept");
        throw new TlsFatalAlert(AlertDescription.handshake_failure);
    }

    /** The profile the server chose, which must be one we offered. */
    static SrtpProfile chosen(Hashtable<?, ?> serverExtensions, List<SrtpProfile> ours, HandshakeProblem problem)
            throws IOException {
        UseSRTPData data = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        Optional<SrtpProfile> profile = data == null || data.getProtectionProfiles().length != 1
                ? Optional.empty()
                : SrtpProfile.byDtlsId(data.getProtectionProfiles()[0]).filter(ours::contains);
        if (profile.isEmpty()) {
            problem.record(DtlsFailure.NO_COMMON_SRTP_PROFILE, "server chose no SRTP profile we offered");
            throw new TlsFatalAlert(AlertDescription.illegal_parameter);
        }
        return profile.get();
    }
}
