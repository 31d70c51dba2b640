package org.facegate.tflite;

import org.facegate.inference.ModelException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.facegate.embed.Normalization;

/**
 * What an embedding model's TFLite metadata says about using it, as written by model-conversion into the standard
 * {@code TFLITE_METADATA} buffer: input normalization (the NormalizationOptions process unit of the input tensor),
 * the embedding dimension (custom metadata {@code embedding_dimension} of the subgraph) and the provenance fields.
 * Reading these from the file instead of hard-coding them means a swapped model with a different preprocessing
 * is refused rather than silently fed wrong inputs.
 *
 * @param name        model name
 * @param version     variant version; with the name it identifies which templates the model can match
 * @param description free text
 * @param author      origin of the network and weights
 * @param license     license of the weights
 * @param mean        subtracted from each 0..255 channel value
 * @param std         divides the result
 * @param dimension   embedding length
 */
public record EmbeddingModelInfo(String name, String version, String description, String author, String license,
        float mean, float std, int dimension) {
    static final String METADATA_NAME = "TFLITE_METADATA";
    static final String DIMENSION_KEY = "embedding_dimension";
    private static final int NORMALIZATION_OPTIONS = 1;

    // field ids, in declaration order of schema.fbs (Model, Metadata, Buffer) and metadata_schema.fbs (the rest)
    private static final int MODEL_BUFFERS = 4, MODEL_METADATA = 6;
    private static final int METADATA_NAME_FIELD = 0, METADATA_BUFFER = 1;
    private static final int BUFFER_DATA = 0;
    private static final int MM_NAME = 0, MM_DESCRIPTION = 1, MM_VERSION = 2, MM_SUBGRAPHS = 3, MM_AUTHOR = 4, MM_LICENSE = 5;
    private static final int SG_INPUTS = 2, SG_CUSTOM = 9;
    private static final int TM_PROCESS_UNITS = 4;
    private static final int PU_OPTIONS_TYPE = 0, PU_OPTIONS = 1;
    private static final int NORM_MEAN = 0, NORM_STD = 1;
    private static final int CUSTOM_NAME = 0, CUSTOM_DATA = 1;

    /** The normalization to feed the model with. */
    public Normalization normalization() {
        return new Normalization(mean, std);
    }

    /** "name@version": the identifier to store with templates this model makes. */
    public String modelId() {
        return name + "@" + version;
    }

    /**
     * Reads the metadata of a model buffer (read from index 0, position untouched).
     *
     * @param fileName names the model in errors
     * @throws ModelException if the buffer is not a TFLite model, the model has no TFLITE_METADATA, or it lacks the
     *     normalization or dimension, or the flatbuffer is truncated or corrupt
     */
    public static EmbeddingModelInfo read(ByteBuffer model, String fileName) throws ModelException {
        if (!ModelLoader.isTflite(model)) throw new ModelException(fileName + ": not a TFLite model (no TFL3 identifier)");
        try {
            FlatTable root = FlatTable.root(model, 0);
            ByteBuffer md = metadataBytes(root, fileName);
            if (md.limit() < 8 || md.get(4) != 'M' || md.get(5) != '0' || md.get(6) != '0' || md.get(7) != '1') {
                throw new ModelException(fileName + ": TFLITE_METADATA is not a metadata flatbuffer (no M001 identifier)");
            }
            FlatTable mm = FlatTable.root(md, 0);
            if (mm.length(MM_SUBGRAPHS) < 1) throw new ModelException(fileName + ": metadata has no subgraph entry");
            FlatTable sg = mm.tableAt(MM_SUBGRAPHS, 0);
            float[] norm = normalization(sg, fileName);
            return new EmbeddingModelInfo(mm.string(MM_NAME), mm.string(MM_VERSION), mm.string(MM_DESCRIPTION),
                    mm.string(MM_AUTHOR), mm.string(MM_LICENSE), norm[0], norm[1], dimension(sg, fileName));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ModelException(fileName + ": truncated or corrupt model or metadata (" + e.getMessage() + ")", e);
        }
    }

    private static ByteBuffer metadataBytes(FlatTable root, String fileName) throws ModelException {
        for (int i = 0; i < root.length(MODEL_METADATA); i++) {
            FlatTable m = root.tableAt(MODEL_METADATA, i);
            if (!METADATA_NAME.equals(m.string(METADATA_NAME_FIELD))) continue;
            long b = m.uint32(METADATA_BUFFER, 0);
            if (b >= root.length(MODEL_BUFFERS)) throw new ModelException(fileName + ": TFLITE_METADATA refers to missing buffer " + b);
            ByteBuffer data = root.tableAt(MODEL_BUFFERS, (int) b).bytes(BUFFER_DATA);
            if (data == null) throw new ModelException(fileName + ": TFLITE_METADATA buffer " + b + " is empty");
            return data;
        }
        throw new ModelException(fileName + ": no TFLITE_METADATA (not a model produced by model-conversion?)");
    }

    /** {mean, std} of the input's NormalizationOptions; all channels must agree (the pipeline uses one value). */
    private static float[] normalization(FlatTable sg, String fileName) throws ModelException {
        if (sg.length(SG_INPUTS) == 1) {
            FlatTable in = sg.tableAt(SG_INPUTS, 0);
            for (int i = 0; i < in.length(TM_PROCESS_UNITS); i++) {
                FlatTable pu = in.tableAt(TM_PROCESS_UNITS, i);
                if (pu.uint8(PU_OPTIONS_TYPE, 0) != NORMALIZATION_OPTIONS) continue;
                FlatTable n = pu.table(PU_OPTIONS);
                if (n == null || n.length(NORM_MEAN) < 1 || n.length(NORM_STD) < 1) break;
                float mean = n.floatAt(NORM_MEAN, 0), std = n.floatAt(NORM_STD, 0);
                for (int c = 1; c < n.length(NORM_MEAN); c++) same(mean, n.floatAt(NORM_MEAN, c), "mean", fileName);
                for (int c = 1; c < n.length(NORM_STD); c++) same(std, n.floatAt(NORM_STD, c), "std", fileName);
                if (!(std > 0)) throw new ModelException(fileName + ": metadata normalization std must be > 0, is " + std);
                return new float[] {mean, std};
            }
        }
        throw new ModelException(fileName + ": metadata has no input normalization (NormalizationOptions)");
    }

    private static void same(float a, float b, String what, String fileName) throws ModelException {
        if (a != b) throw new ModelException(fileName + ": per-channel normalization " + what + " differs (" + a + " vs " + b + ")");
    }

    private static int dimension(FlatTable sg, String fileName) throws ModelException {
        for (int i = 0; i < sg.length(SG_CUSTOM); i++) {
            FlatTable c = sg.tableAt(SG_CUSTOM, i);
            if (!DIMENSION_KEY.equals(c.string(CUSTOM_NAME))) continue;
            ByteBuffer d = c.bytes(CUSTOM_DATA);
            byte[] b = new byte[d == null ? 0 : d.remaining()];
            if (d != null) d.get(b);
            try {
                int dim = Integer.parseInt(new String(b, StandardCharsets.US_ASCII).trim());
                if (dim > 0) return dim;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ModelException(fileName + ": metadata " + DIMENSION_KEY + " is not a positive number");
        }
        throw new ModelException(fileName + ": metadata has no " + DIMENSION_KEY);
    }
}
