package org.facegate.store;

import androidx.room.Dao;
import androidx.room.Delete;
import androidx.room.Insert;
import androidx.room.Query;
import androidx.room.Update;
import java.util.List;

/**
 * People as stored: read them through {@link Gallery}, which checks their MACs. Deleting one deletes their templates
 * and unlock events (foreign key cascade).
 */
@Dao
public interface PersonDao {
    /** Returns the new row id. */
    @Insert
    long insert(Person person);

    @Update
    int update(Person person);

    @Delete
    int delete(Person person);

    @Query("SELECT * FROM person WHERE id = :id")
    Person byId(long id);

    @Query("SELECT * FROM person WHERE name = :name")
    Person byName(String name);

    /** Everyone, the owner first. */
    @Query("SELECT * FROM person ORDER BY role = 'OWNER' DESC, id")
    List<Person> all();

    /** The rows that say they are the owner (one, unless someone edited the database: see {@link Gallery#owner}). */
    @Query("SELECT * FROM person WHERE role = 'OWNER' ORDER BY id")
    List<Person> owners();
}
