package nl.weerbaar.kit.kafka;

import org.springframework.dao.DataAccessResourceFailureException;

/** Recognises failures that mean "the read-model store is unreachable", which must never send a record away. */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof com.mongodb.MongoTimeoutException
                    || t instanceof com.mongodb.MongoSocketException) {
                return true;
            }
        }
        return false;
    }
}
