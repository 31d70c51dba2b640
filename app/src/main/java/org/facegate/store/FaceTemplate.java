package org.facegate.store;

import androidx.annotation.NonNull;
import androidx.room.ColumnInfo;
import androidx.room.Entity;
import androidx.room.ForeignKey;
import androidx.room.Index;
import androidx.room.PrimaryKey;

/**
 * One enrollment sample of a person (table {@code face_template}). The embedding is stored sealed by a
 * {@link TemplateCipher} (AES-GCM under a Keystore key), never in the clear; {@link #modelId} names the model that made
 * it, and templates of another model are never compared with this model's embeddings.
 */
@Entity(tableName = "face_template",
        foreignKeys = @ForeignKey(entity = Person.class, parentColumns = "id", childColumns = "person_id",
                onDelete = ForeignKey.CASCADE),
        indices = @Index("person_id"))
public final class FaceTemplate {
    @PrimaryKey(autoGenerate = true)
    public final long id;

    @ColumnInfo(name = "person_id")
    public final long personId;

    /** The sealed embedding (see {@link Gallery}); the plaintext is float32 little-endian. */
    @NonNull
    public final byte[] embedding;

    /** "name@version" of the embedding model ({@code EmbeddingModelInfo.modelId()}). */
    @NonNull
    @ColumnInfo(name = "model_id")
    public final String modelId;

    /** facecore's quality score of the sample, 0..1. */
    public final float quality;

    /** Wall-clock creation time in ms. */
    public final long created;

    public FaceTemplate(long id, long personId, @NonNull byte[] embedding, @NonNull String modelId, float quality, long created) {
        this.id = id;
        this.personId = personId;
        this.embedding = embedding;
        this.modelId = modelId;
        this.quality = quality;
        this.created = created;
    }
}
