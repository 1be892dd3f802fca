package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The DTLS 1.2 client side of DTLS-SRTP, for answers with {@code a=setup:active}. */
final class SrtpDtlsClient extends DefaultTlsClient {
    private final SrtpDtlsPeer peer;

    SrtpDtlsClient(
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
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        SrtpExtension.offer(extensions, peer.settings().profiles());
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        peer.chose(SrtpExtension.chosen(serverExtensions, peer.settings().profiles(), peer.problem()));
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                peer.verifyPeer(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return peer.credentials(context);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        peer.exportKeys(context, true);
    }
}
