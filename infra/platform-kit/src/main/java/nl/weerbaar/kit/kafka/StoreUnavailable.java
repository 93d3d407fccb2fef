package nl.weerbaar.kit.kafka;

import org.springframework.dao.DataAccessResourceFailureException;

/** Recognises failures that mean "the read-model store is unreachable", which must never send a record away. */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // unreachable, timed out, or failing in itself ("Unknown error", a node recovering): the store's trouble,
            // not the record's, so the record waits. A duplicate key or an oversized document is the record's.
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.data.mongodb.UncategorizedMongoDbException
                    || t instanceof com.mongodb.MongoTimeoutException
                    || t instanceof com.mongodb.MongoSocketException
                    || t instanceof com.mongodb.MongoNotPrimaryException
                    || t instanceof com.mongodb.MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
