package dev.victor.workflow.expr.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A {@code datetime.datetime} without a time zone, as {@code now()} and {@code utcnow()} give
 * it: {@code isoformat()}, {@code timestamp()}, {@code str()} and the fields year ... microsecond.
 * It never reaches the state: write {@code .isoformat()}.
 */
public record PyDateTime(LocalDateTime value) {

    static Object call(Ctx c, String name, Object[] a) {
        switch (name) {
            case "now":
                return new PyDateTime(LocalDateTime.now().truncatedTo(ChronoUnit.MICROS));
            case "utcnow":
                return new PyDateTime(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            case "fromtimestamp": {
                double seconds = Modules.real(a[0]);
                long micros = Math.round(seconds * 1e6);
                return new PyDateTime(LocalDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                        ZoneId.systemDefault()));
            }
            default: {
                if (!(a[0] instanceof String s)) {
                    throw PyException.type("fromisoformat: argument must be str");
                }
                try {
                    return new PyDateTime(LocalDateTime.parse(s.length() == 10 ? s + "T00:00:00" : s.replace(' ', 'T')));
                } catch (DateTimeParseException e) {
                    throw PyException.value("Invalid isoformat string: " + Repr.brief(s));
                }
            }
        }
    }

    String isoformat(String separator) {
        LocalDateTime v = value;
        String base = String.format("%04d-%02d-%02d%s%02d:%02d:%02d", v.getYear(), v.getMonthValue(), v.getDayOfMonth(),
                separator, v.getHour(), v.getMinute(), v.getSecond());
        int micros = v.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }

    double timestamp() {
        Instant i = value.atZone(ZoneId.systemDefault()).toInstant();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    Object field(String name) {
        switch (name) {
            case "year": return (long) value.getYear();
            case "month": return (long) value.getMonthValue();
            case "day": return (long) value.getDayOfMonth();
            case "hour": return (long) value.getHour();
            case "minute": return (long) value.getMinute();
            case "second": return (long) value.getSecond();
            case "microsecond": return (long) (value.getNano() / 1000);
            default:
                throw PyException.attribute("'datetime.datetime' object has no attribute '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return isoformat(" ");
    }
}
