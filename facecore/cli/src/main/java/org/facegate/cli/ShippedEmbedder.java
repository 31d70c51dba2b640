package org.facegate.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.inference.InferenceRuntime;
import org.facegate.inference.ModelException;
import org.facegate.tflite.ModelLoader;
import org.facegate.tflite.ModelSource;

/**
 * The embedding model the phone runs: model-conversion's "models" artifact (on the classpath, shaded into
 * facegate-cli.jar) holds the shipped variant and {@value #SUMS}. The CLI takes the one embedding model
 * listed there, verifies its sha256 and reads normalization and model id from its metadata, so CLI measurements
 * and galleries are those of the app's model.
 */
final class ShippedEmbedder implements ModelSource {
    static final String SUMS = "models.sha256";

    private ShippedEmbedder() {}

    /** Opens the shipped embedding model. */
    static TfliteEmbedder open(InferenceRuntime runtime, boolean flip) throws ModelException {
        ShippedEmbedder source = new ShippedEmbedder();
        Map<String, String> sums;
        try (InputStream in = resource(SUMS)) {
            sums = ModelLoader.parseSums(in);
        } catch (IOException e) {
            throw new ModelException("cannot read the shipped model list " + SUMS + ": " + e.getMessage(), e);
        }
        String file = TfliteEmbedder.shippedFile(sums.keySet(), SUMS);
        return TfliteEmbedder.describedBy(new ModelLoader(source, sums).load(file), file, runtime, flip);
    }

    /** Reads a model resource whole into a direct buffer (TFLite wants direct or mapped memory). */
    @Override
    public ByteBuffer open(String fileName) throws IOException {
        byte[] bytes;
        try (InputStream in = resource(fileName)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 22);
            in.transferTo(b);
            bytes = b.toByteArray();
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        buf.put(bytes);
        ((Buffer) buf).rewind();
        return buf;
    }

    private static InputStream resource(String name) throws FileNotFoundException {
        InputStream in = ShippedEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new FileNotFoundException(name + " is not on the classpath (model-conversion's models artifact)");
        return in;
    }
}
