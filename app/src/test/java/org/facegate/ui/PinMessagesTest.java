package org.facegate.ui;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** A lockout's length as the PIN screens say it. */
public class PinMessagesTest {
    @Test
    public void secondsUnderAMinuteThenMinutesThenHours() {
        assertEquals("1 s", PinMessages.duration(1));
        assertEquals("30 s", PinMessages.duration(30_000));
        assertEquals("59 s", PinMessages.duration(58_001));
        assertEquals("1 min", PinMessages.duration(60_000));
        assertEquals("4 min 10 s", PinMessages.duration(250_000));
        assertEquals("1 h", PinMessages.duration(3_600_000));
        assertEquals("1 h 4 min", PinMessages.duration(3_840_000));
        assertEquals("minutes rounded up", "1 h 5 min", PinMessages.duration(3_840_001));
        assertEquals("24 h", PinMessages.duration(86_400_000));
    }
}
