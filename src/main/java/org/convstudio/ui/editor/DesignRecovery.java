package org.convstudio.ui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Design workspace's autosave and crash recovery: unsaved work is written to this window's own
 * slot every {@link DesignWorkspace#AUTOSAVE_EVERY}, and work left by windows that are gone is offered
 * back at start-up.
 */
final class DesignRecovery {

    /** Logged under the workspace's name, as before this class was split from it. */
    private static final Logger LOG = LoggerFactory.getLogger(DesignWorkspace.class);

    private final AppServices app;
    private final DesignViewModel vm;
    /** Shows a restored design (routes adopted, fitted). */
    private final Runnable showRestored;
    private final ScheduledFuture<?> autosave;
    private long autosavedRevision = -1;
    /**
     * This window's autosave slot, claimed on the serial writer thread (taking its lock writes a file and
     * looks up the host name: not on the start-up path); null when the recovery folder cannot be written.
     * Every write that uses it runs on that same thread, after the claim.
     */
    private final CompletableFuture<AutosaveSlot> slot;

    DesignRecovery(AppServices app, DesignViewModel vm, Runnable showRestored) {
        this.app = app;
        this.vm = vm;
        this.showRestored = showRestored;
        Path folder = recoveryFolder();
        slot = CompletableFuture.supplyAsync(() -> {
            try {
                return AutosaveSlot.claim(folder);
            } catch (IOException | RuntimeException e) {
                LOG.warn("No autosave: " + e.getMessage());
                return null;
            }
        }, Background.serial());
        autosave = Background.every((long) DesignWorkspace.AUTOSAVE_EVERY.toMillis(), this::autosave);
    }

    private Path recoveryFolder() {
        return app.dataDirectory().resolve("recovery");
    }

    /** This window's autosave file (its own slot: other windows never offer or delete it while it is open). */
    Path recoveryFile() {
        AutosaveSlot own = slot.join();
        return own == null ? null : own.designFile();
    }

    /** Writes unsaved work to the recovery file (serialised here, written in the background). */
    void autosave() {
        AutosaveSlot own = slot.getNow(null); // not claimed yet: the next round writes
        if (own == null || !vm.isDirty() || vm.getRevision() == autosavedRevision) {
            return;
        }
        autosavedRevision = vm.getRevision();
        Network net = vm.getNetwork();
        Path source = vm.getFile();
        Path file = own.designFile();
        Path meta = own.sourceFile();
        Background.serial().execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                NetworkJson.write(net, file);
                Files.writeString(meta, source == null ? "" : source.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("Autosave failed", e);
            }
        });
    }

    /** The design at {@code revision} was saved: the recovery file goes unless it holds something newer. */
    void saved(long revision) {
        if (revision >= autosavedRevision) {
            deleteRecovery(); // the recovery file holds nothing newer than what was just saved
        }
    }

    /** After start-up: offers unsaved work left by windows that are gone (a crash), newest first. */
    void checkRecovery() {
        Path folder = recoveryFolder();
        Background.submit(() -> {
            AutosaveSlot own = slot.join();
            List<Recovered> found = new ArrayList<>();
            for (AutosaveSlot.Orphan o : AutosaveSlot.orphans(folder, own)) {
                try {
                    found.add(new Recovered(NetworkJson.read(o.designFile()), o.source().orElse(null), o.when(), o));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Recovery file unreadable: " + o.designFile() + ": " + e.getMessage());
                    o.release();
                }
            }
            return found;
        }, found -> offerRecovery(found, 0),
                e -> LOG.warn("Recovery failed", e));
    }

    private record Recovered(Network network, Path source, Instant when, AutosaveSlot.Orphan orphan) {
    }

    private void offerRecovery(List<Recovered> all, int index) {
        if (index >= all.size()) {
            return;
        }
        Recovered r = all.get(index);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(app.window());
        a.setTitle("Recover unsaved work");
        a.setHeaderText("ConvStudio did not close properly last time");
        String when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault()).format(r.when());
        a.setContentText("Unsaved changes to “" + r.network().name() + "” from " + when
                + " were kept. Restore them?");
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(restore, discard);
        a.getDialogPane().setId("recovery-dialog");
        a.setOnHidden(e -> {
            boolean restored = a.getResult() == restore;
            if (restored) {
                vm.load(r.network(), r.source());
                vm.markUnsaved();
                showRestored.run();
                app.status("Restored unsaved work — save it to keep it");
                autosave(); // the restored work now lives in this window's own slot
            }
            // restored (now in this window's slot) or discarded: the orphan's files go, never a live window's
            Background.serial().execute(() -> {
                try {
                    r.orphan().discard();
                } catch (IOException ex) {
                    LOG.warn("Could not delete recovery file", ex);
                }
            });
            if (restored) {
                for (int i = index + 1; i < all.size(); i++) {
                    all.get(i).orphan().release(); // offered again at the next start
                }
            } else {
                offerRecovery(all, index + 1);
            }
        });
        a.show();
    }

    private void deleteRecovery() {
        Background.serial().execute(() -> { // after the claim
            AutosaveSlot own = slot.getNow(null);
            if (own == null) {
                return;
            }
            try {
                own.clear();
            } catch (IOException e) {
                LOG.warn("Could not delete recovery file", e);
            }
        });
    }

    /** Clean shutdown: stop autosaving, remove this window's recovery files and release its slot. */
    void shutdown() {
        autosave.cancel(false);
        try {
            Background.serial().submit(() -> { // after the claim and any save still being written
                AutosaveSlot own = slot.getNow(null);
                if (own != null) {
                    own.close();
                }
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Could not delete recovery file", e);
        }
    }
}
