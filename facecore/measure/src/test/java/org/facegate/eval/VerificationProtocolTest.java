package org.facegate.eval;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class VerificationProtocolTest {
    @Test
    public void perfectlySeparatedScoresGiveFullAccuracyAndAuc() {
        double[] s = {0.9, 0.8, 0.1, 0.2, 0.95, 0.85, 0.05, 0.3};
        boolean[] same = {true, true, false, false, true, true, false, false};
        int[] fold = {0, 0, 0, 0, 1, 1, 1, 1};
        VerificationReport r = VerificationProtocol.evaluate(s, same, fold, 2);
        assertEquals(1.0, r.accuracy(), 1e-9);
        assertEquals(1.0, r.auc(), 1e-9);
        assertEquals(1.0, r.tarAtFar1e3(), 1e-9);
    }

    @Test
    public void failedTrialsCountAsErrorsNotSkips() {
        double[] s = {0.9, Double.NaN, 0.1, 0.2, 0.95, 0.85, 0.05, 0.3};
        boolean[] same = {true, true, false, false, true, true, false, false};
        int[] fold = {0, 0, 0, 0, 1, 1, 1, 1};
        VerificationReport r = VerificationProtocol.evaluate(s, same, fold, 2);
        assertEquals((0.75 + 1.0) / 2, r.accuracy(), 1e-9);
        assertEquals(1, r.failures());
        assertEquals(0.75, r.tarAtFar1e3(), 1e-9);
    }

    @Test
    public void aucCountsTiesAsHalf() {
        assertEquals(0.5, VerificationProtocol.auc(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-9);
        assertEquals(0.75, VerificationProtocol.auc(new double[] {0.6, 0.4, 0.5, 0.3}, new boolean[] {true, true, false, false}), 1e-9);
    }

    @Test
    public void pairsFileParsesMatchedAndMismatchedLines() throws IOException {
        String txt = "1\t1\nAl_Pacino\t1\t2\nAl_Pacino\t1\tTony_Blair\t3\n";
        List<Pair> p = PairsFile.parse(new ByteArrayInputStream(txt.getBytes(StandardCharsets.UTF_8)));
        assertEquals(new Pair("Al_Pacino/Al_Pacino_0001.jpg", "Al_Pacino/Al_Pacino_0002.jpg", true, 0), p.get(0));
        assertEquals(new Pair("Al_Pacino/Al_Pacino_0001.jpg", "Tony_Blair/Tony_Blair_0003.jpg", false, 0), p.get(1));
    }

    @Test
    public void malformedPairsLineNamesItsNumber() {
        String txt = "1\t1\nAl_Pacino\tx\t2\nB\t1\tC\t2\n";
        try {
            PairsFile.parse(new ByteArrayInputStream(txt.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            assertEquals("malformed pairs line 2: Al_Pacino\tx\t2", e.getMessage());
            return;
        }
        throw new AssertionError("expected an error");
    }
}
