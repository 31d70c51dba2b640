package org.facegate.store;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.Query;
import java.util.List;

/** Face templates; callers go through {@link Gallery}, which seals and unseals the embeddings. */
@Dao
public interface TemplateDao {
    @Insert
    long insert(FaceTemplate template);

    @Query("SELECT * FROM face_template WHERE model_id = :modelId ORDER BY person_id, id")
    List<FaceTemplate> byModel(String modelId);

    @Query("SELECT * FROM face_template WHERE person_id = :personId ORDER BY id")
    List<FaceTemplate> byPerson(long personId);

    @Query("DELETE FROM face_template WHERE person_id = :personId")
    int deleteByPerson(long personId);

    /**
     * People who have templates, but none made by {@code modelId}: the model changed since they enrolled and they
     * must enroll again before their face can open anything.
     */
    @Query("SELECT * FROM person WHERE EXISTS (SELECT 1 FROM face_template t WHERE t.person_id = person.id)"
            + " AND NOT EXISTS (SELECT 1 FROM face_template t WHERE t.person_id = person.id AND t.model_id = :modelId)"
            + " ORDER BY id")
    List<Person> staleFor(String modelId);

    /** Number of templates a person has with this model. */
    @Query("SELECT COUNT(*) FROM face_template WHERE person_id = :personId AND model_id = :modelId")
    int count(long personId, String modelId);
}
