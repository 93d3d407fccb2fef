package nl.weerbaar.kit.streams;

/**
 * A joining processor's bookkeeping for one exercise, kept with its state: how far each input has come, and the last
 * watermark it wrote itself.
 */
public record JoinProgress(InputProgress inputs, long markedUpTo, boolean markedEnded) {

    public static JoinProgress none() {
        return new JoinProgress(InputProgress.none(), -1, false);
    }

    public JoinProgress with(InputProgress progress) {
        return new JoinProgress(progress, markedUpTo, markedEnded);
    }

    public JoinProgress marked(long upTo, boolean ended) {
        return new JoinProgress(inputs, upTo, ended);
    }
}
