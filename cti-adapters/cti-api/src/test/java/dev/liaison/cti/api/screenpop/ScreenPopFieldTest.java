package dev.liaison.cti.api.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScreenPopFieldTest {

    @Test
    void everyConfigurationFormParses() {
        assertThat(ScreenPopField.parse("CallVariable10")).isEqualTo(new ScreenPopField.CallVariable(10));
        assertThat(ScreenPopField.parse("ECC:user.id")).isEqualTo(new ScreenPopField.NamedVariable("user.id"));
        assertThat(ScreenPopField.parse("ecc:user.history[3]"))
                .isEqualTo(new ScreenPopField.NamedArray("user.history", 3));
        assertThat(ScreenPopField.parse("attribute:customerName"))
                .isEqualTo(new ScreenPopField.Attribute("customerName"));
        assertThat(ScreenPopField.parse("private:ctx")).isEqualTo(new ScreenPopField.PrivateData("ctx"));
    }

    @Test
    void badSpecsFailWithTheSpecInTheMessage() {
        assertThatThrownBy(() -> ScreenPopField.parse("CallVariable11")).hasMessageContaining("1..10");
        assertThatThrownBy(() -> ScreenPopField.parse("CallVariableX")).hasMessageContaining("CallVariableX");
        assertThatThrownBy(() -> ScreenPopField.parse("ECC:a[x]")).hasMessageContaining("number");
        assertThatThrownBy(() -> ScreenPopField.parse("foo:bar")).hasMessageContaining("foo");
        assertThatThrownBy(() -> ScreenPopField.parse("nothing")).hasMessageContaining("nothing");
    }
}
