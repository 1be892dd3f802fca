package dev.liaison.cti.api.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.api.screenpop.ScreenPopField.CallVariable;
import dev.liaison.cti.api.screenpop.ScreenPopField.NamedVariable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreenPopMappingTest {

    /** Call variables of 40 bytes, ECC values of 20 bytes sharing a pool of 50 (name + value + 2). */
    private static final ScreenPopLimits LIMITS = new ScreenPopLimits() {
        @Override
        public boolean supports(ScreenPopField field) {
            return field instanceof CallVariable || field instanceof NamedVariable;
        }

        @Override
        public int maxValueBytes(ScreenPopField field) {
            return field instanceof CallVariable ? 40 : 20;
        }

        @Override
        public int pooledBytes(ScreenPopField field, int valueBytes) {
            return field instanceof NamedVariable nv ? nv.name().length() + valueBytes + 2 : 0;
        }

        @Override
        public int poolBytes() {
            return 50;
        }
    };

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void contextKeysLandInTheirFieldsInMappingOrder() throws Exception {
        ScreenPopMapping mapping = ScreenPopMapping.of(
                ordered("correlationId", "CallVariable1", "customer.name", "ECC:user.name", "absent", "CallVariable2"),
                OverflowPolicy.REJECT);

        ScreenPop pop = mapping.apply(Map.of("correlationId", "c-123", "customer.name", "Ada"), LIMITS);

        assertThat(pop.complete()).isTrue();
        assertThat(pop.values())
                .containsExactly(
                        Map.entry(new CallVariable(1), "c-123"), Map.entry(new NamedVariable("user.name"), "Ada"));
    }

    @Test
    void aTooLongValueIsRejectedWithItsSizeAndLimit() {
        ScreenPopMapping mapping = ScreenPopMapping.of(ordered("page", "CallVariable3"), OverflowPolicy.REJECT);

        assertThatThrownBy(() -> mapping.apply(Map.of("page", "x".repeat(41)), LIMITS))
                .isInstanceOfSatisfying(ScreenPopLimitException.class, e -> {
                    assertThat(e.failure()).isEqualTo(CtiFailure.LIMIT_EXCEEDED);
                    assertThat(e.violations())
                            .containsExactly(new ScreenPopViolation(
                                    "page", new CallVariable(3), ScreenPopViolation.Kind.VALUE_TOO_LONG, 41, 40));
                    assertThat(e.getMessage()).contains("page -> CallVariable3: 41 bytes, limit 40");
                });
    }

    @Test
    void truncationCutsOnACharacterBoundaryAndIsReported() throws Exception {
        ScreenPopMapping mapping = ScreenPopMapping.of(ordered("name", "CallVariable1"), OverflowPolicy.TRUNCATE);
        String value = "a".repeat(39) + "é"; // 41 bytes in UTF-8: the two-byte é does not fit

        ScreenPop pop = mapping.apply(Map.of("name", value), LIMITS);

        assertThat(pop.values()).containsEntry(new CallVariable(1), "a".repeat(39));
        assertThat(pop.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ScreenPopViolation.Kind.VALUE_TOO_LONG);
            assertThat(v.bytes()).isEqualTo(41);
        });
    }

    @Test
    void theSharedPoolGoesToEarlierRulesAndTheRestIsDroppedAndReported() throws Exception {
        ScreenPopMapping mapping =
                ScreenPopMapping.of(ordered("a", "ECC:a", "b", "ECC:b", "c", "ECC:c"), OverflowPolicy.TRUNCATE);
        // each takes 1 + 20 + 2 = 23 bytes of the 50-byte pool: two fit, the third does not
        String twenty = "v".repeat(20);

        ScreenPop pop = mapping.apply(Map.of("a", twenty, "b", twenty, "c", twenty), LIMITS);

        assertThat(pop.values()).containsOnlyKeys(new NamedVariable("a"), new NamedVariable("b"));
        assertThat(pop.violations()).singleElement().satisfies(v -> assertThat(v.kind())
                .isEqualTo(ScreenPopViolation.Kind.POOL_FULL));
    }

    @Test
    void aFieldTheVendorLacksIsReported() {
        ScreenPopMapping mapping = ScreenPopMapping.of(ordered("x", "attribute:x"), OverflowPolicy.REJECT);

        assertThatThrownBy(() -> mapping.apply(Map.of("x", "1"), LIMITS))
                .isInstanceOfSatisfying(ScreenPopLimitException.class, e -> assertThat(
                                e.violations().get(0).kind())
                        .isEqualTo(ScreenPopViolation.Kind.UNSUPPORTED_FIELD));
    }

    @Test
    void oneFieldCannotBeTheTargetOfTwoKeys() {
        assertThatThrownBy(() ->
                        ScreenPopMapping.of(ordered("a", "CallVariable1", "b", "callvariable1"), OverflowPolicy.REJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one context key");
    }
}
