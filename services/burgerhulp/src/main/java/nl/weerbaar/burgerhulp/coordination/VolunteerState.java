package nl.weerbaar.burgerhulp.coordination;

import nl.weerbaar.contracts.scenario.Volunteer;

/** A volunteer inside the model: who, whether the simulation answers for them, where they are, how busy. */
public class VolunteerState {

    public Volunteer volunteer;
    /** Its place in the order volunteers came into the model: how the store gives the model back in that order. */
    public long order;
    public boolean synthetic;
    public String presentAt;
    /** A pool volunteer who went to a noodsteunpunt because the phones failed, and goes home when they work. */
    public boolean cameForOutage;
    public int active;
    public int completed;

    public VolunteerState() {
        // for the store
    }

    VolunteerState(Volunteer volunteer, boolean synthetic) {
        this.volunteer = volunteer;
        this.synthetic = synthetic;
    }
}
