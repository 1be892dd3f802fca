package dev.liaison.media.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

/**
 * Holds this process's DTLS certificate: ECDSA P-256, self-signed, regenerated once its validity has run out (the
 * fingerprint goes into every SDP, so it changes only between calls, never within one).
 */
public final class DtlsCertificateService {
    private static final Duration BACKDATE = Duration.ofDays(1);

    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();
    private volatile DtlsCertificate current;

    public DtlsCertificateService(Clock clock, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive: " + validity);
        }
        this.clock = clock;
        this.validity = validity;
    }

    /** The certificate to use for a new session; a fresh one once the previous one has expired. */
    public synchronized DtlsCertificate current() {
        DtlsCertificate c = current;
        if (c == null || !clock.instant().isBefore(c.notAfter())) {
            c = generate();
            current = c;
        }
        return c;
    }

    private DtlsCertificate generate() {
        X9ECParameters curve = CustomNamedCurves.getByName("P-256");
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        // Named domain parameters, so the certificate names the curve (OID secp256r1): BoringSSL (Chromium) rejects
        // a certificate with explicit curve parameters with decode_error.
        generator.init(new ECKeyGenerationParameters(
                new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve), random));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        X500Name subject = new X500Name("CN=liaison-media");
        try {
            X509v3CertificateBuilder builder = new BcX509v3CertificateBuilder(
                    subject,
                    new BigInteger(64, random).abs().add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)),
                    Date.from(notAfter),
                    subject,
                    keyPair.getPublic());
            var sigAlg = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            var digAlg = new DefaultDigestAlgorithmIdentifierFinder().find(sigAlg);
            byte[] der = builder.build(new BcECContentSignerBuilder(sigAlg, digAlg).build(keyPair.getPrivate()))
                    .getEncoded();
            return new DtlsCertificate(der, keyPair.getPrivate(), CertificateFingerprint.of("sha-256", der), notAfter);
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the DTLS certificate", e);
        }
    }
}
