package org.facegate.security;

import java.security.GeneralSecurityException;

/**
 * Checks an entered PIN under the PIN's {@link Throttle}, the one way every screen checks it (gate, step-up prompt,
 * change PIN): refused unchecked during a lockout; otherwise a failure is written first, with {@code commit()}, and
 * taken back only if the PIN is right, so killing the app while the slow hash runs, or as soon as it is slow, cannot
 * erase a wrong guess (Gatekeeper writes its failure record the same way). Blocking: call it off the main thread.
 */
public final class PinCheck {
    /** How a check ended. */
    public enum Outcome {
        OK,
        WRONG,
        /** Refused without checking: a lockout is running ({@link Result#lockoutMs}). */
        LOCKED_OUT,
        /** The Keystore key of the PIN hash is gone: the PIN cannot be checked ever again ({@link PinStore.KeyLost}). */
        KEY_LOST,
        /** The Keystore failed otherwise ({@link Result#error}); counted like a wrong PIN. */
        FAILED
    }

    /**
     * @param outcome   how it ended
     * @param lockoutMs the lockout running (LOCKED_OUT) or started by this failure (WRONG, FAILED), else 0
     * @param error     what the Keystore said (FAILED), else null
     */
    public record Result(Outcome outcome, long lockoutMs, String error) {}

    private final PinStore store;
    private final Throttle throttle;

    public PinCheck(PinStore store, Throttle throttle) {
        this.store = store;
        this.throttle = throttle;
    }

    /** Checks {@code pin}. */
    public Result check(CharSequence pin) {
        long locked = throttle.lockedForMs();
        if (locked > 0) return new Result(Outcome.LOCKED_OUT, locked, null);
        long lockout = throttle.recordFailure();
        try {
            if (!store.verify(pin)) return new Result(Outcome.WRONG, lockout, null);
        } catch (PinStore.KeyLost e) {
            return new Result(Outcome.KEY_LOST, 0, null);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a Keystore failure (ProviderException is unchecked) must not end the process: the PIN was not verified
            return new Result(Outcome.FAILED, lockout, String.valueOf(e.getMessage()));
        }
        throttle.recordSuccess();
        return new Result(Outcome.OK, 0, null);
    }
}
