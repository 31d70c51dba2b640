package org.facegate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List enrolled people.")
final class ListCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (SqliteGallery gallery = opts.openGallery()) {
            var lines = gallery.describe();
            if (lines.isEmpty()) spec.commandLine().getOut().println("nobody is enrolled");
            lines.forEach(spec.commandLine().getOut()::println);
        }
        return 0;
    }
}
