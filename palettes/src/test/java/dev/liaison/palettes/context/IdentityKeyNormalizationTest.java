package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityKeyNormalizationTest {

    @Test
    void noIdentityWhenAbsentOrBlank() {
        assertThat(IdentityKeys.normalize(null)).isNull();
        assertThat(IdentityKeys.normalize("")).isNull();
        assertThat(IdentityKeys.normalize("   ")).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "phone:+1 (415) 555-0100   | phone:+14155550100",
                "PHONE: 0044 20 7946 0018  | phone:+442079460018",
                "phone:020.7946/0018       | phone:02079460018",
                "email: Ann.Lee@Example.COM | email:ann.lee@example.com",
                "Email:bob@example.org     | email:bob@example.org",
                "customer: AbC-42          | customer:AbC-42",
                "CUSTOMER:42               | customer:42"
            })
    void sameCustomerTypedDifferentlyNormalizesToOneKey(String raw, String normalized) {
        assertThat(IdentityKeys.normalize(raw)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "42",
                "ann@example.com",
                "passport:X123",
                "customer:",
                "customer:  ",
                "phone:12",
                "phone:call me",
                "phone:+1 415 555 0100 ext 7",
                "email:no-at-sign",
                "email:a@b@c",
                "customer:a\u0000b"
            })
    void malformedIdentityIsRejectedAsInvalid(String raw) {
        assertThatThrownBy(() -> IdentityKeys.normalize(raw))
                .isInstanceOf(InvalidIdentityKeyException.class)
                .satisfies(e -> {
                    InvalidIdentityKeyException invalid = (InvalidIdentityKeyException) e;
                    assertThat(invalid.code()).isEqualTo("interaction.identity_invalid");
                    assertThat(invalid.status().value()).isEqualTo(400);
                    assertThat(invalid.properties().get("errors").toString()).contains("identityKey");
                });
    }

    @Test
    void overlongIdentityIsRejected() {
        String raw = "customer:" + "x".repeat(IdentityKeys.MAX_LENGTH);
        assertThatThrownBy(() -> IdentityKeys.normalize(raw)).isInstanceOf(InvalidIdentityKeyException.class);
    }

    @Property
    void normalizingTwiceChangesNothing(
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String local,
            @ForAll @NumericChars @StringLength(min = 3, max = 15) String digits) {
        for (String raw : new String[] {"email:" + local + "@Example.com", "phone:00 " + digits, "customer:" + local}) {
            String once = IdentityKeys.normalize(raw);
            assertThat(IdentityKeys.normalize(once)).isEqualTo(once);
        }
    }
}
