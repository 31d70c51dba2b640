package org.facegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Several facegate commands on one gallery at once, each on its own thread with its own SQLite connection (as
 * separate processes would have): none fails with "database is locked" (an enrollment lost), and two enrollments of
 * one face under two names cannot both pass the duplicate check.
 */
public class GalleryConcurrencyTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();

    /** Runs each command line on its own thread, all released at once; returns the finished runs. */
    private static List<Cli> together(Path gallery, List<String[]> commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cli>> runs = new ArrayList<>();
        try {
            for (String[] args : commands) {
                Callable<Cli> run = () -> {
                    Cli cli = new Cli(gallery);
                    start.await();
                    cli.run(args);
                    return cli;
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            List<Cli> done = new ArrayList<>();
            for (Future<Cli> f : runs) done.add(f.get());
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void parallelCommandsAllSucceed() throws Exception {
        String[] people = {"Andre_Agassi", "David_Beckham", "Gerry_Adams", "George_HW_Bush", "Hillary_Clinton", "Jennifer_Garner",
            "Jiang_Zemin", "Lance_Armstrong"};
        Path gallery = tmp.getRoot().toPath().resolve("gallery.db");
        new Cli(gallery).expect(0, "list");
        // eight enrollments, and forty lists reading the gallery meanwhile
        List<String[]> commands = new ArrayList<>();
        for (String p : people) commands.add(new String[] {"enroll", p, Cli.lfwImage(p, 1).toString()});
        for (int i = 0; i < 40; i++) commands.add(new String[] {"list"});
        for (Cli c : together(gallery, commands)) assertTrue(c.out + c.err, c.err.isEmpty() && !c.out.isEmpty());
        Cli list = new Cli(gallery);
        list.expect(0, "list");
        assertEquals(list.out, people.length, list.out.split("\n").length);
    }

    /**
     * Another program holds the gallery for {@code seconds} from now ({@code BEGIN IMMEDIATE}: another facegate in the
     * middle of a write; {@code BEGIN} and a read: a backup reading it) while facegate enrolls.
     */
    private static void heldWhileEnrolling(Cli cli, String begin, int seconds) throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + cli.gallery); Statement s = other.createStatement()) {
            s.execute(begin);
            s.executeQuery("SELECT COUNT(*) FROM person").close();
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 1000L);
                    s.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            cli.expect(0, "enroll", "tony", Cli.lfwImage("Tony_Blair", 18).toString());
            release.join();
        }
    }

    @Test
    public void anEnrollmentWaitsForAnotherWriterAndIsNotBlockedByAReader() throws Exception {
        Cli cli = new Cli(tmp.getRoot().toPath().resolve("gallery.db"));
        cli.expect(0, "enroll", "colin", Cli.lfwImage("Colin_Powell", 40).toString());
        // longer than SQLite's default wait of sqlite-jdbc (3 s), which lost such enrollments
        heldWhileEnrolling(cli, "BEGIN IMMEDIATE", 6);
        cli.expect(0, "remove", "tony");
        heldWhileEnrolling(cli, "BEGIN", 6);
        cli.expect(0, "list");
        assertTrue(cli.out, cli.out.contains("tony\tmember\t1 samples"));
    }

    @Test
    public void oneFaceUnderTwoNamesAtOnceIsEnrolledOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path gallery = tmp.getRoot().toPath().resolve("gallery-" + round + ".db");
            List<Cli> runs = together(gallery, List.of(new String[] {"enroll", "Dup1", Cli.lfwImage("Wen_Jiabao", 1).toString()},
                    new String[] {"enroll", "Dup2", Cli.lfwImage("Wen_Jiabao", 2).toString()}));
            int enrolled = 0;
            for (Cli c : runs) {
                if (c.out.contains("enrolled Dup")) enrolled++;
                else assertTrue(c.out + c.err, c.err.matches("facegate: nothing enrolled: the face in .* is already enrolled as Dup[12] .*\n"));
            }
            assertEquals("round " + round + ": " + runs.get(0).out + runs.get(0).err + runs.get(1).out + runs.get(1).err, 1, enrolled);
        }
    }
}
