package dev.victor.workflow.example.handlers;

import dev.victor.workflow.spi.ComputeHandler;
import dev.victor.workflow.spi.NodeCall;
import dev.victor.workflow.spi.NodeOutput;
import org.osgi.service.component.annotations.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compute handler {@value #NAME}: prices an order. A compute node names it with
 * {@code handler: pricing.quote} and gives it these inputs:
 * <ul>
 *   <li>{@code items}: a list of {@code {sku, quantity, unit_price}} maps;</li>
 *   <li>{@code discount_percent} (optional, 0 to 100);</li>
 *   <li>{@code currency} (optional, default {@code EUR}).</li>
 * </ul>
 * It returns {@code {lines, subtotal, discount, total, currency}}, amounts rounded to cents, and
 * writes {@code total} to the state as well so that a condition can route on it. Bad input fails
 * the node with a message that says what is wrong.
 */
@Component(property = "name=" + QuoteHandler.NAME)
public final class QuoteHandler implements ComputeHandler {

    public static final String NAME = "pricing.quote";

    @Override
    public NodeOutput handle(NodeCall call) {
        Map<String, Object> inputs = call.inputs();
        if (!(inputs.get("items") instanceof List<?> items)) {
            throw new IllegalArgumentException("pricing.quote needs the input 'items': a list of {sku, quantity, unit_price}");
        }
        BigDecimal subtotal = BigDecimal.ZERO;
        int line = 0;
        for (Object item : items) {
            line++;
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("pricing.quote: item " + line + " is not a map of sku, quantity, unit_price");
            }
            BigDecimal quantity = amount(map.get("quantity"), "item " + line + " quantity");
            BigDecimal price = amount(map.get("unit_price"), "item " + line + " unit_price");
            subtotal = subtotal.add(quantity.multiply(price));
        }
        Object given = inputs.get("discount_percent");
        BigDecimal percent = given == null ? BigDecimal.ZERO : amount(given, "discount_percent");
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("pricing.quote: discount_percent must be between 0 and 100, not " + given);
        }
        BigDecimal discount = subtotal.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
        BigDecimal total = subtotal.setScale(2, RoundingMode.HALF_EVEN).subtract(discount);
        Object currency = inputs.getOrDefault("currency", "EUR");

        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("lines", items.size());
        quote.put("subtotal", cents(subtotal));
        quote.put("discount", cents(discount));
        quote.put("total", cents(total));
        quote.put("currency", currency == null ? "EUR" : currency.toString());
        return NodeOutput.of(quote, Map.of("total", cents(total)));
    }

    private static BigDecimal amount(Object value, String what) {
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Number other) {
            number = new BigDecimal(other.toString());
        } else if (value instanceof String text) {
            try {
                number = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pricing.quote: " + what + " is not a number: '" + text + "'");
            }
        } else {
            throw new IllegalArgumentException("pricing.quote: " + what + " is missing or not a number");
        }
        if (number.signum() < 0) {
            throw new IllegalArgumentException("pricing.quote: " + what + " must not be negative: " + number);
        }
        return number;
    }

    private static double cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
