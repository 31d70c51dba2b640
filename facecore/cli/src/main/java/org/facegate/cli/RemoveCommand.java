package org.facegate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", description = "Remove an enrolled person and their templates.")
final class RemoveCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0") String name;

    @Override
    public Integer call() throws Exception {
        try (SqliteGallery gallery = opts.openGallery()) {
            gallery.remove(name);
            spec.commandLine().getOut().println("removed " + SqliteGallery.shown(name));
        }
        return 0;
    }
}
