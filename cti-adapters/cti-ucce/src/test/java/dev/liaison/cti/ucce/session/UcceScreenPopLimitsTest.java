package dev.liaison.cti.ucce.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.cti.api.screenpop.OverflowPolicy;
import dev.liaison.cti.api.screenpop.ScreenPop;
import dev.liaison.cti.api.screenpop.ScreenPopMapping;
import dev.liaison.cti.api.screenpop.ScreenPopViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UcceScreenPopLimitsTest {

    @Test
    void eccVariablesShareTheTwoThousandBytePoolAndLongNamesAreNotUcceFields() throws Exception {
        Map<String, String> rules = new LinkedHashMap<>();
        Map<String, String> context = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            rules.put("k" + i, "ECC:var" + i); // 4 + 210 + 2 = 216 bytes each: nine fit in 2000
            context.put("k" + i, "v".repeat(210));
        }
        rules.put("long", "ECC:" + "n".repeat(33));
        context.put("long", "x");

        ScreenPop pop =
                ScreenPopMapping.of(rules, OverflowPolicy.TRUNCATE).apply(context, UcceScreenPopLimits.INSTANCE);

        assertThat(pop.values()).hasSize(9);
        assertThat(pop.violations())
                .extracting(ScreenPopViolation::kind)
                .containsExactly(ScreenPopViolation.Kind.POOL_FULL, ScreenPopViolation.Kind.UNSUPPORTED_FIELD);
    }
}
