package dev.victor.workflow.example.handlers;

import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeOutput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteHandlerTest {

    private static NodeOutput quote(Map<String, Object> inputs) {
        return new QuoteHandler().handle(new NodeCall("w", "price", "t-1", inputs, Map.of(), Map.of()));
    }

    @Test
    void pricesTheItemsAndAppliesTheDiscount() {
        NodeOutput output = quote(Map.of(
                "items", List.of(Map.of("sku", "A", "quantity", 3, "unit_price", 19.99),
                        Map.of("sku", "B", "quantity", 1L, "unit_price", new BigDecimal("100"))),
                "discount_percent", 10));

        assertThat(output.value()).isEqualTo(Map.of("lines", 2, "subtotal", 159.97, "discount", 16.0,
                "total", 143.97, "currency", "EUR"));
        assertThat(output.stateUpdates()).containsEntry("total", 143.97);
    }

    @Test
    void numbersMayComeAsTextAndTheCurrencyIsKept() {
        NodeOutput output = quote(Map.of("items", List.of(Map.of("quantity", "2", "unit_price", " 0.125")),
                "currency", "CHF"));

        assertThat(output.value()).isEqualTo(Map.of("lines", 1, "subtotal", 0.25, "discount", 0.0, "total", 0.25,
                "currency", "CHF"));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> quote(Map.of())).hasMessageContaining("needs the input 'items'");
        assertThatThrownBy(() -> quote(Map.of("items", List.of("x")))).hasMessageContaining("item 1 is not a map");
        assertThatThrownBy(() -> quote(Map.of("items", List.of(Map.of("quantity", -1, "unit_price", 1)))))
                .hasMessageContaining("item 1 quantity must not be negative");
        assertThatThrownBy(() -> quote(Map.of("items", List.of(Map.of("quantity", 1, "unit_price", "ten")))))
                .hasMessageContaining("item 1 unit_price is not a number: 'ten'");
        assertThatThrownBy(() -> quote(Map.of("items", List.of(), "discount_percent", 150)))
                .hasMessageContaining("between 0 and 100");
    }
}
