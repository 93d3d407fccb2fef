package nl.weerbaar.situatiebeeld.picture;

import nl.weerbaar.kit.security.Role;

/** Who may watch an exercise on the live picture and read what it says: the crisis team, trainers, observers. */
public final class Watchers {

    private Watchers() {
    }

    public static Role[] roles() {
        return new Role[] {Role.CRISIS_TEAM, Role.TRAINER, Role.OBSERVER};
    }
}
