package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import dev.liaison.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The DTLS 1.2 client side of DTLS-SRTP, for answers with {@code a=setup:active}. */
final class SrtpDtlsClient extends DefaultTlsClient {
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final DtlsSettings settings;
    private final PeerCertificateCheck peerCheck;
    private final HandshakeProblem problem;
    private SrtpProfile profile;
    private volatile SrtpKeyingMaterial keys;

    SrtpDtlsClient(
            BcTlsCrypto crypto,
            DtlsCertificate certificate,
            CertificateFingerprint remote,
            DtlsSettings settings,
            HandshakeProblem problem) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.settings = settings;
        this.problem = problem;
        this.peerCheck = new PeerCertificateCheck(remote, problem);
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(crypto, DtlsCredentials.CIPHER_SUITES);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) settings.handshakeTimeout().toMillis();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        SrtpExtension.offer(extensions, settings.profiles());
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        profile = SrtpExtension.chosen(serverExtensions, settings.profiles(), problem);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                peerCheck.verify(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return DtlsCredentials.signer(crypto, context, certificate);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
        keys = SrtpKeyingMaterial.fromDtlsExport(profile, material, true);
    }
}
