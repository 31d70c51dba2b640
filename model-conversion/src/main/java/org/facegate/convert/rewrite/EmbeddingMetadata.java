package org.facegate.convert.rewrite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.facegate.convert.model.Bytes;
import org.facegate.convert.model.Graph;
import org.tensorflow.lite.schema.MetadataT;
import org.tensorflow.lite.support.metadata.MetadataParser;
import org.tensorflow.lite.support.metadata.schema.ColorSpaceType;
import org.tensorflow.lite.support.metadata.schema.ContentProperties;
import org.tensorflow.lite.support.metadata.schema.ContentPropertiesUnion;
import org.tensorflow.lite.support.metadata.schema.ContentT;
import org.tensorflow.lite.support.metadata.schema.CustomMetadataT;
import org.tensorflow.lite.support.metadata.schema.FeaturePropertiesT;
import org.tensorflow.lite.support.metadata.schema.ImagePropertiesT;
import org.tensorflow.lite.support.metadata.schema.ImageSizeT;
import org.tensorflow.lite.support.metadata.schema.ModelMetadata;
import org.tensorflow.lite.support.metadata.schema.ModelMetadataT;
import org.tensorflow.lite.support.metadata.schema.NormalizationOptionsT;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitOptions;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitOptionsUnion;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitT;
import org.tensorflow.lite.support.metadata.schema.SubGraphMetadataT;
import org.tensorflow.lite.support.metadata.schema.TensorMetadataT;

/**
 * The TFLite model metadata of an embedding model, written into the standard {@code TFLITE_METADATA} buffer so
 * the app reads how to feed the model from the file instead of hard-coding it: input normalization
 * {@code (v - mean) / std} as the standard NormalizationOptions process unit, the output dimension as custom
 * metadata {@value #DIMENSION_KEY} (decimal text; the standard schema has no field for it), plus name, version,
 * description, author and license.
 *
 * @param name        model name, e.g. "MobileFaceNet"
 * @param version     identifies the exact variant; apps store it with templates (embeddings of different
 *                    versions are not comparable)
 * @param description what the model does and how it was produced
 * @param author      origin of the network and weights
 * @param license     license of the weights
 * @param mean        subtracted from each 0..255 RGB value
 * @param std         divides the result
 * @param dimension   length of the embedding vector
 */
public record EmbeddingMetadata(String name, String version, String description, String author, String license,
        float mean, float std, int dimension) {
    /** Name of the metadata entry TFLite tools and the support library look for. */
    public static final String METADATA_NAME = "TFLITE_METADATA";
    /** Custom metadata entry of the subgraph holding the embedding dimension. */
    public static final String DIMENSION_KEY = "embedding_dimension";

    /** The metadata flatbuffer (file identifier M001). */
    public byte[] toBytes() {
        ModelMetadataT m = new ModelMetadataT();
        m.setName(name);
        m.setVersion(version);
        m.setDescription(description);
        m.setAuthor(author);
        m.setLicense(license);
        // the schema version this writer was built against (tensorflow-lite-metadata's parser); custom metadata is
        // among the newer fields, so older parsers are told they may not understand everything
        m.setMinParserVersion(MetadataParser.VERSION);
        SubGraphMetadataT sg = new SubGraphMetadataT();
        sg.setName("embedding");
        sg.setInputTensorMetadata(new TensorMetadataT[] {input()});
        sg.setOutputTensorMetadata(new TensorMetadataT[] {output()});
        CustomMetadataT dim = new CustomMetadataT();
        dim.setName(DIMENSION_KEY);
        dim.setData(Bytes.toSchema(Integer.toString(dimension).getBytes(StandardCharsets.US_ASCII)));
        sg.setCustomMetadata(new CustomMetadataT[] {dim});
        m.setSubgraphMetadata(new SubGraphMetadataT[] {sg});
        FlatBufferBuilder fbb = new FlatBufferBuilder(1024);
        ModelMetadata.finishModelMetadataBuffer(fbb, ModelMetadata.pack(fbb, m));
        return fbb.sizedByteArray();
    }

    private TensorMetadataT input() {
        TensorMetadataT t = new TensorMetadataT();
        t.setName("face");
        t.setDescription("RGB face crop aligned to the 112x112 five-point (ArcFace) template, values (v - mean) / std");
        ImagePropertiesT image = new ImagePropertiesT();
        image.setColorSpace(ColorSpaceType.RGB);
        ImageSizeT size = new ImageSizeT();
        size.setWidth(SourceContract.CROP);
        size.setHeight(SourceContract.CROP);
        image.setDefaultSize(size);
        ContentPropertiesUnion props = new ContentPropertiesUnion();
        props.setType(ContentProperties.ImageProperties);
        props.setValue(image);
        ContentT content = new ContentT();
        content.setContentProperties(props);
        t.setContent(content);
        NormalizationOptionsT norm = new NormalizationOptionsT();
        norm.setMean(new float[] {mean, mean, mean});
        norm.setStd(new float[] {std, std, std});
        ProcessUnitOptionsUnion opts = new ProcessUnitOptionsUnion();
        opts.setType(ProcessUnitOptions.NormalizationOptions);
        opts.setValue(norm);
        ProcessUnitT unit = new ProcessUnitT();
        unit.setOptions(opts);
        t.setProcessUnits(new ProcessUnitT[] {unit});
        return t;
    }

    private TensorMetadataT output() {
        TensorMetadataT t = new TensorMetadataT();
        t.setName("embedding");
        t.setDescription(dimension + "-dimensional face embedding; L2-normalize, then compare by cosine similarity");
        ContentPropertiesUnion props = new ContentPropertiesUnion();
        props.setType(ContentProperties.FeatureProperties);
        props.setValue(new FeaturePropertiesT());
        ContentT content = new ContentT();
        content.setContentProperties(props);
        t.setContent(content);
        return t;
    }

    /** Stores the metadata in a new buffer under {@value #METADATA_NAME}, replacing an existing entry. */
    public void attachTo(Graph g) {
        int buffer = g.addBuffer(toBytes());
        List<MetadataT> entries = new ArrayList<>();
        MetadataT[] old = g.model().getMetadata();
        if (old != null) for (MetadataT e : old) if (!METADATA_NAME.equals(e.getName())) entries.add(e);
        MetadataT e = new MetadataT();
        e.setName(METADATA_NAME);
        e.setBuffer(buffer);
        entries.add(e);
        g.model().setMetadata(entries.toArray(new MetadataT[0]));
    }
}
