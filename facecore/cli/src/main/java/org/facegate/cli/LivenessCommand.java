package org.facegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.facegate.eval.liveness.Replay;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.liveness.BlinkDetector;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.tflite.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "liveness", sortOptions = false,
        description = {"Active liveness check on a directory of frames (taken in name order, as a camera delivers them): prints each "
                + "processed frame's eye openness and head pose, and a last line 'decision: live' or 'decision: spoof (<reason>)'. "
                + "Exit 0 live, 1 spoof, 2 error.",
                "With --process-fps below --fps only the frames a phone processing that many frames a second would pick up are "
                + "processed (jittered capture times). The measurements of docs/liveness.md are 'facegate liveness-eval'."})
final class LivenessCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR_OF_FRAMES", description = "directory of JPEG/PNG frames")
    Path dir;

    @Option(names = "--expect", paramLabel = "CHALLENGES", defaultValue = "blink",
            description = "what the frames should show, comma-separated in order: blink, turn-left, turn-right, look-up, look-down "
                    + "(default: ${DEFAULT-VALUE})")
    String expect;

    @Option(names = "--fps", defaultValue = "12", description = "frame rate the frames were captured at (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--process-fps", paramLabel = "N", description = "frames a second the phone processes (default: all frames)")
    Double processFps;

    @Option(names = "--real-cost", description = "pick the next frame after the time this machine took for the last one, instead of --process-fps")
    boolean realCost;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "time allowed per challenge (default: 5)")
    Double timeLimit;

    @Option(names = "--models", description = "directory of the pinned model packages (default: the build's cache)")
    Path models = Engine.defaultModels();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Challenge> challenges = parseChallenges(expect);
        List<Path> files = frames(dir);
        long limit = timeLimit == null ? ChallengeSession.MILLIS_PER_CHALLENGE : Math.round(timeLimit * 1000);
        ChallengeSession session = new ChallengeSession(challenges, limit, IdentityCheck.ANYONE, 1);
        BlinkDetector eyes = new BlinkDetector();
        int[] index = {0};
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(loader(models), new DesktopRuntime(1))) {
            Replay replay = new Replay(analyzer, fps, processFps == null ? fps : processFps, realCost);
            replay.play(Math.round((files.size() - 0.5) * 1000 / fps), 1, (i, t) -> {
                index[0] = i;
                return Unreadable.read(files.get(i));
            }, f -> {
                String line = files.get(index[0]).getFileName() + "\t" + f.describe();
                if (f.hasFace()) {
                    eyes.add(f.timeMillis(), f.mesh(), f.image());
                    line += String.format(Locale.ROOT, " openness %.2f eye-corr %.2f/%.2f%s", eyes.openness(), eyes.correlation(),
                            eyes.otherEyeCorrelation(), eyes.closed() ? " closed" : "");
                }
                int done = session.completed();
                session.offer(f);
                if (session.completed() > done) line += "\t[" + challenges.get(done) + " done]";
                out.println(line);
                return true;
            });
        } catch (Unreadable e) {
            throw e.reason;
        }
        session.finish();
        out.println("decision: " + (session.state() == ChallengeSession.State.LIVE ? "live" : session.describe()));
        return session.state() == ChallengeSession.State.LIVE ? 0 : 1;
    }

    /** An unreadable frame, through the replay's callback. */
    static final class Unreadable extends RuntimeException {
        final CliException reason;

        Unreadable(CliException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }

        static org.facegate.image.RgbImage read(Path file) {
            try {
                return ImageFiles.read(file);
            } catch (CliException e) {
                throw new Unreadable(e);
            }
        }
    }

    static ModelLoader loader(Path models) {
        return ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(models));
    }

    static List<Challenge> parseChallenges(String s) throws CliException {
        List<Challenge> list = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            try {
                list.add(Challenge.valueOf(p.replace('-', '_').toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CliException("unknown challenge '" + part + "' (blink, turn-left, turn-right, look-up, look-down)");
            }
        }
        if (list.isEmpty()) throw new CliException("--expect needs at least one challenge");
        return list;
    }

    /** The image files of a directory in name order. */
    static List<Path> frames(Path dir) throws CliException {
        if (!Files.isDirectory(dir)) throw new CliException("not a directory: " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
            }).sorted().collect(Collectors.toList());
            if (files.isEmpty()) throw new CliException("no .jpg/.png frames in " + dir);
            return files;
        } catch (IOException e) {
            throw new CliException("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
