package org.facegate.convert.quant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facegate.convert.ConversionException;

/**
 * Activation statistics of the float model over calibration faces, one line per run-time tensor: the observed
 * minimum and maximum and, per tail fraction of {@link #TAILS}, the value below which that fraction of all
 * observed values lies (low side) and above which it lies (high side). The file is produced once by the
 * {@code calibrate} command from real face crops and committed, so the full-integer model can be rebuilt
 * deterministically without the images. Floats are written in Java's shortest round-trip decimal form, so
 * reading the file gives back exactly the computed values.
 *
 * @param header comment lines (without the leading '#') describing how the statistics were made
 * @param stats  per tensor name, in the float graph's tensor order
 */
public record ActivationRanges(List<String> header, Map<String, TensorStats> stats) {
    /** Tail fractions for which quantiles are stored: 1e-5, 1e-4 and 1e-3 of all values on each side. */
    public static final double[] TAILS = {1e-5, 1e-4, 1e-3};

    /**
     * @param min observed minimum
     * @param max observed maximum
     * @param lo  per tail fraction, the low quantile
     * @param hi  per tail fraction, the high quantile
     */
    public record TensorStats(float min, float max, float[] lo, float[] hi) {}

    public ActivationRanges {
        header = List.copyOf(header);
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /** The statistics of a tensor; the error names the file and the missing tensor (a stale calibration). */
    public TensorStats of(String tensor, String fileName) throws ConversionException {
        TensorStats s = stats.get(tensor);
        if (s == null) {
            throw new ConversionException(fileName + " has no activation range for tensor '" + tensor
                    + "': the calibration is stale for this model; rerun the calibrate command");
        }
        return s;
    }

    public void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String h : header) sb.append("# ").append(h).append('\n');
        sb.append("# tensor min max");
        for (double t : TAILS) sb.append(String.format(Locale.ROOT, " lo@%s hi@%s", t, t));
        sb.append('\n');
        for (Map.Entry<String, TensorStats> e : stats.entrySet()) {
            TensorStats s = e.getValue();
            sb.append(e.getKey()).append(' ').append(s.min()).append(' ').append(s.max());
            for (int i = 0; i < TAILS.length; i++) sb.append(' ').append(s.lo()[i]).append(' ').append(s.hi()[i]);
            sb.append('\n');
        }
        org.facegate.convert.model.AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static ActivationRanges read(Path file) throws ConversionException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConversionException("cannot read calibration file " + file + ": " + e, e);
        }
        List<String> header = new ArrayList<>();
        Map<String, TensorStats> stats = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.startsWith("#")) {
                if (!line.startsWith("# tensor ")) header.add(line.substring(Math.min(2, line.length())));
                continue;
            }
            if (line.isBlank()) continue;
            String[] f = line.trim().split(" ");
            if (f.length != 3 + 2 * TAILS.length) {
                throw new ConversionException(file + ":" + n + ": expected " + (3 + 2 * TAILS.length) + " fields, found " + f.length);
            }
            try {
                float[] lo = new float[TAILS.length], hi = new float[TAILS.length];
                for (int i = 0; i < TAILS.length; i++) {
                    lo[i] = Float.parseFloat(f[3 + 2 * i]);
                    hi[i] = Float.parseFloat(f[4 + 2 * i]);
                }
                stats.put(f[0], new TensorStats(Float.parseFloat(f[1]), Float.parseFloat(f[2]), lo, hi));
            } catch (NumberFormatException e) {
                throw new ConversionException(file + ":" + n + ": malformed number in: " + line);
            }
        }
        if (stats.isEmpty()) throw new ConversionException(file + ": no activation statistics");
        return new ActivationRanges(header, stats);
    }
}
