package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ReferToHeader;
import org.junit.jupiter.api.Test;

/**
 * The {@code Replaces} of an attended transfer (RFC 3891 6.1) as it arrives in a Refer-To URI: unescaped exactly (a
 * {@code +} stays a {@code +}), checked against the grammar, refused with 400 and a reason when it is not.
 */
class ReplacedDialogTest {

    @Test
    void replacesInAReferToUriIsUnescapedAndItsTagsRead() throws Exception {
        ReferTarget target = referTo(
                "<sip:agent42@example.com;transport=tcp?Replaces=a+b%40host.example%3Bto-tag%3Dt-1%3Bfrom-tag%3Df.2>");
        assertThat(target.target()).isEqualTo("sip:agent42@example.com;transport=tcp");
        ReplacedDialog replaced = target.replaces().orElseThrow();
        assertThat(replaced.callId()).isEqualTo("a+b@host.example");
        assertThat(replaced.toTag()).isEqualTo("t-1");
        assertThat(replaced.fromTag()).isEqualTo("f.2");
        assertThat(replaced.earlyOnly()).isFalse();
        assertThat(replaced.headerValue()).isEqualTo("a+b@host.example;to-tag=t-1;from-tag=f.2");
    }

    @Test
    void referToWithoutReplacesIsABlindTransfer() throws Exception {
        ReferTarget target = referTo("<sip:agent7@example.com>");
        assertThat(target.target()).isEqualTo("sip:agent7@example.com");
        assertThat(target.replaces()).isEmpty();
    }

    @Test
    void headerFormAllowsSpacesTagsInAnyOrderAndEarlyOnly() {
        ReplacedDialog replaced = ReplacedDialog.parse("abc@h ; From-Tag = 9 ;early-only; to-tag=8;x=y");
        assertThat(replaced.headerValue()).isEqualTo("abc@h;to-tag=8;from-tag=9;early-only");
    }

    @Test
    void missingTagsAreRefusedWithTheirReason() {
        assertBad("abc@h;from-tag=2", "Replaces without to-tag");
        assertBad("abc@h;to-tag=1", "Replaces without from-tag");
        assertBad("abc@h;to-tag=;from-tag=2", "Replaces to-tag has no value");
        assertBad("abc@h;to-tag=1;to-tag=3;from-tag=2", "Replaces has two to-tags");
    }

    @Test
    void malformedValuesAreRefused() {
        assertBad("", "empty Replaces");
        assertBad(";to-tag=1;from-tag=2", "Replaces has no valid Call-ID");
        assertBad("a b;to-tag=1;from-tag=2", "Replaces has no valid Call-ID");
        assertBad("abc@h;to-tag=1;from-tag=2;early-only=yes", "Replaces early-only takes no value");
        assertBad("abc@h;to-tag=a,b;from-tag=2", "Replaces to-tag is not a valid tag");
        assertBad("abc@h;to-tag=1;from-tag=" + "x".repeat(129), "Replaces from-tag is not a valid tag");
        assertBad("x".repeat(513), "Replaces longer than 512 characters");
    }

    @Test
    void badEscapesAreRefused() {
        assertThatThrownBy(() -> ReplacedDialog.fromUriHeader("abc%4"))
                .isInstanceOf(SipStatusException.class)
                .hasMessage("Replaces has a truncated %-escape");
        assertThatThrownBy(() -> ReplacedDialog.fromUriHeader("abc%ZZ%3Bto-tag%3D1%3Bfrom-tag%3D2"))
                .hasMessage("Replaces has a bad %-escape");
        assertThatThrownBy(() -> ReplacedDialog.fromUriHeader("abc%0D%0AX%3Bto-tag%3D1%3Bfrom-tag%3D2"))
                .hasMessage("Replaces has an escaped control or non-ASCII character");
        assertThatThrownBy(() -> ReplacedDialog.fromUriHeader("abc%C3%A9%3Bto-tag%3D1%3Bfrom-tag%3D2"))
                .hasMessage("Replaces has an escaped control or non-ASCII character");
    }

    @Test
    void refusalsAre400WithTheReasonOnTheWire() {
        SipStatusException refused = catchRefusal("abc@h;to-tag=1");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reasonPhrase()).contains("Replaces without from-tag");
    }

    private static void assertBad(String value, String reason) {
        assertThat(catchRefusal(value)).hasMessage(reason);
    }

    private static SipStatusException catchRefusal(String value) {
        try {
            ReplacedDialog.parse(value);
        } catch (SipStatusException e) {
            return e;
        }
        throw new AssertionError("accepted: " + value);
    }

    private static ReferTarget referTo(String value) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        HeaderFactory headers = factory.createHeaderFactory();
        AddressFactory addresses = factory.createAddressFactory();
        ReferToHeader referTo = (ReferToHeader) headers.createHeader("Refer-To", value);
        assertThat(addresses).isNotNull();
        return ReferTarget.of(referTo);
    }
}
