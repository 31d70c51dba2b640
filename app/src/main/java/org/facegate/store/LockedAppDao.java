package org.facegate.store;

import androidx.room.Dao;
import androidx.room.Insert;
import androidx.room.OnConflictStrategy;
import androidx.room.Query;
import java.util.List;

/** Locked apps as stored: read them through {@link LockedApps}, which checks their MACs. */
@Dao
public interface LockedAppDao {
    /** Inserts or replaces the row of the app's package. */
    @Insert(onConflict = OnConflictStrategy.REPLACE)
    void put(LockedApp app);

    @Query("SELECT * FROM locked_app WHERE package_name = :packageName")
    LockedApp byPackage(String packageName);

    /** Every locked app, by label. */
    @Query("SELECT * FROM locked_app ORDER BY label COLLATE NOCASE, package_name")
    List<LockedApp> all();

    @Query("DELETE FROM locked_app WHERE package_name = :packageName")
    int delete(String packageName);
}
