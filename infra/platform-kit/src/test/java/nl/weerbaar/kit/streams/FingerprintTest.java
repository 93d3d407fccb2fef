package nl.weerbaar.kit.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    record Offer(String id, long until) {
    }

    public static class Entity {
        public static int shared = 1;
        public String status = "open";
        public int round;
        public Long doneAt;
        public Set<String> asked = new LinkedHashSet<>();
        public Map<String, Offer> offers = new LinkedHashMap<>();
        public List<Long> arrivals = new ArrayList<>();
    }

    public static class Holder {
        public StringBuilder mutable = new StringBuilder();
    }

    @Test
    void equalExactlyWhileNoFieldChangedCollectionsIncluded() {
        Entity e = new Entity();
        e.offers.put("o-1", new Offer("o-1", 600));
        List<Object> before = Fingerprint.of(e);
        assertThat(Fingerprint.of(e)).isEqualTo(before);

        List<Runnable> changes = List.of(() -> e.status = "offered", () -> e.round++, () -> e.doneAt = 5L,
                () -> e.asked.add("v-1"), () -> e.offers.put("o-1", new Offer("o-1", 900)),
                () -> e.offers.remove("o-1"), () -> e.arrivals.add(3L));
        for (Runnable change : changes) {
            List<Object> was = Fingerprint.of(e);
            change.run();
            assertThat(Fingerprint.of(e)).as("after a change in place").isNotEqualTo(was);
        }
        List<Object> now = Fingerprint.of(e);
        Entity.shared = 2;
        assertThat(Fingerprint.of(e)).as("static fields are not the entity's").isEqualTo(now);
    }

    @Test
    void aFieldItCannotCopyIsRefusedAtOnce() {
        assertThatThrownBy(() -> Fingerprint.of(new Holder())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("StringBuilder");
    }
}
