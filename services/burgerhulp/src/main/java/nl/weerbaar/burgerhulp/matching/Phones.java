package nl.weerbaar.burgerhulp.matching;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where volunteers can be phoned, per place: everywhere but {@code except} ({@code works}), or nowhere but
 * {@code except}. Telecom fails per part of a region (masts per area, with their own batteries), and a volunteer is
 * phoned at home: where they live decides. Compact either way, so a national outage is two words, not 1,800 places.
 */
public record Phones(boolean works, SortedSet<String> except) {

    public static final Phones EVERYWHERE = new Phones(true, Collections.emptySortedSet());
    public static final Phones NOWHERE = new Phones(false, Collections.emptySortedSet());

    public Phones {
        except = except == null || except.isEmpty() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(except));
    }

    /**
     * Whether a volunteer living in {@code placeId} can be phoned; one whose place is not known (registered by a
     * coordinator without one) can be while the phones work anywhere.
     */
    public boolean in(String placeId) {
        return placeId == null ? anywhere() : works != except.contains(placeId);
    }

    public boolean anywhere() {
        return works || !except.isEmpty();
    }

    public boolean everywhere() {
        return works && except.isEmpty();
    }
}
