package org.facegate.store;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.Query;
import java.util.List;

/** The unlock log. */
@Dao
public interface UnlockEventDao {
    @Insert
    long insert(UnlockEvent event);

    /** The newest {@code limit} events, newest first. */
    @Query("SELECT * FROM unlock_event ORDER BY time DESC, id DESC LIMIT :limit")
    List<UnlockEvent> recent(int limit);
}
