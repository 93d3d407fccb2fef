package nl.weerbaar.kit.readmodel;

import java.util.List;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read models of this service and their rebuild (trainers, who run the exercise environment; used by
 * {@code infra/bin/weerbaar rebuild <service>}).
 */
@RestController
public class ReadModelController {

    private final ReadModelRebuild rebuild;
    private final Access access;

    public ReadModelController(ReadModelRebuild rebuild, Access access) {
        this.rebuild = rebuild;
        this.access = access;
    }

    @GetMapping("/api/admin/read-models")
    public List<ReadModelRebuild.Status> all() {
        access.requireAnyRole(Role.TRAINER);
        return rebuild.models().stream().map(m -> rebuild.status(m.name())).toList();
    }

    @GetMapping("/api/admin/read-models/{name}")
    public ReadModelRebuild.Status one(@PathVariable String name) {
        access.requireAnyRole(Role.TRAINER);
        return rebuild.status(name);
    }

    /** Empties the read model and refills it from the topics; 202 at once, {@code GET} shows the progress. */
    @PostMapping("/api/admin/read-models/{name}/rebuild")
    public ResponseEntity<ReadModelRebuild.Status> rebuild(@PathVariable String name) {
        access.requireAnyRole(Role.TRAINER);
        return ResponseEntity.accepted().body(rebuild.rebuild(name));
    }
}
