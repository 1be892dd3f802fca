package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import dev.liaison.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 server side of DTLS-SRTP: ECDSA certificate, use_srtp, a required client certificate checked against
 * the remote SDP fingerprint, and the SRTP keys exported once the handshake completes.
 */
final class SrtpDtlsServer extends DefaultTlsServer {
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final DtlsSettings settings;
    private final PeerCertificateCheck peerCheck;
    private final HandshakeProblem problem;
    private SrtpProfile profile;
    private volatile SrtpKeyingMaterial keys;

    SrtpDtlsServer(
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
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return DtlsCredentials.signer(crypto, context, certificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        profile = SrtpExtension.choose(clientExtensions, settings.profiles(), problem);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        SrtpExtension.answer(extensions, profile);
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        peerCheck.verify(clientCertificate);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
        keys = SrtpKeyingMaterial.fromDtlsExport(profile, material, false);
    }
}
