package nl.weerbaar.contracts.noodsteunpunt;

import nl.weerbaar.contracts.scenario.Text;

/** A noodsteunpunt's stock of one item ({@code water}, {@code food}, {@code fuel}) ran low: it asks for more. */
public record ResupplyRequested(String exerciseId, String nspId, String requestId, String item, double remaining,
                                String unit, Double hoursLeft, double requested, Text message, long atSeconds) {
}
