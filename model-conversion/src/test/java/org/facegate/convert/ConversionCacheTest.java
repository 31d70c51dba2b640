package org.facegate.convert;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The conversion cache trusts only complete, intact entries and keeps the most recently used few. */
public class ConversionCacheTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aDamagedEntryIsAMiss() throws Exception {
        ConversionCache cache = new ConversionCache(tmp.getRoot().toPath());
        cache.put("k1", fake(1));
        assertArrayEquals(fake(1).get(Variant.INT8), cache.get("k1").get(Variant.INT8));
        Path f = tmp.getRoot().toPath().resolve("k1").resolve(Variant.INT8.fileName());
        Files.write(f, new byte[] {9, 9});
        assertNull("a file that does not match its sum", cache.get("k1"));
        assertNull("an unknown key", cache.get("k2"));
    }

    @Test
    public void onlyTheMostRecentlyUsedEntriesStay() throws Exception {
        Path root = tmp.getRoot().toPath();
        ConversionCache cache = new ConversionCache(root);
        for (int i = 0; i < ConversionCache.KEEP; i++) {
            cache.put("k" + i, fake(i));
            Files.setLastModifiedTime(root.resolve("k" + i), FileTime.fromMillis(1000L * (i + 1)));
        }
        assertNotNull(cache.get("k0")); // used now: the newest
        cache.put("new", fake(9));
        assertNotNull(cache.get("k0"));
        assertNull("the least recently used entry went", cache.get("k1"));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(ConversionCache.KEEP, s.count());
        }
    }

    private static Map<Variant, byte[]> fake(int seed) {
        Map<Variant, byte[]> m = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) m.put(v, new byte[] {(byte) seed, (byte) v.ordinal()});
        return m;
    }
}
