package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 server side of DTLS-SRTP: ECDSA certificate, use_srtp, a required client certificate checked against
 * the remote SDP fingerprint, and the SRTP keys exported once the handshake completes.
 */
final class SrtpDtlsServer extends DefaultTlsServer {
    private final SrtpDtlsPeer peer;

    SrtpDtlsServer(
            BcTlsCrypto crypto,
            DtlsCertificate certificate,
            CertificateFingerprint remote,
            DtlsSettings settings,
            HandshakeProblem problem) {
        super(crypto);
        this.peer = new SrtpDtlsPeer(crypto, certificate, remote, settings, problem);
    }

    SrtpKeyingMaterial keys() {
        return peer.keys();
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return peer.supportedVersions();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return peer.supportedCipherSuites();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return peer.handshakeTimeoutMillis();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return peer.credentials(context);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        peer.chose(SrtpExtension.choose(clientExtensions, peer.settings().profiles(), peer.problem()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        SrtpExtension.answer(extensions, peer.profile());
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        peer.verifyPeer(clientCertificate);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        peer.exportKeys(context, false);
    }
}
