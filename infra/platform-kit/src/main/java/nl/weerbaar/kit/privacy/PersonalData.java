package nl.weerbaar.kit.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Personal data that people enter (an operator's note, a household's postcode) travels sealed with its exercise's key
 * (AES-256-GCM, the exercise id as associated data): {@code sealed:v1:<exercise>:<nonce and ciphertext, Base64url>}.
 * Topics, dead-letter topics, changelogs, replays and read models hold only that form; an answer to a user opens it
 * while the key exists. The purge deletes the key (crypto-shredding), so every copy becomes unreadable at once —
 * including the ones in Kafka, which cannot delete a single record. Values the simulation makes up from the seed are
 * not personal data and stay plain; {@link #open} gives them back as they are.
 */
public class PersonalData {

    static final String PREFIX = "sealed:v1:";
    private static final Pattern SEALED = Pattern.compile("sealed:v1:([A-Za-z0-9._-]{1,64}):([A-Za-z0-9_-]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExerciseKeys keys;

    PersonalData(ExerciseKeys keys) {
        this.keys = keys;
    }

    /**
     * {@code value} sealed with the exercise's key; null for null, and null once the exercise is purged: a value that
     * arrives after the purge is purged on arrival.
     */
    public String seal(String exerciseId, String value) {
        if (value == null) {
            return null;
        }
        return keys.forSealing(exerciseId).map(key -> PREFIX + exerciseId + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(encrypt(key, exerciseId, value)))
                .orElse(null);
    }

    /** The plain value: opened while its exercise's key exists, empty after the purge; a plain value as it is. */
    public Optional<String> open(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher sealed = SEALED.matcher(value);
        if (!sealed.matches()) {
            return Optional.of(value);
        }
        String exerciseId = sealed.group(1);
        byte[] data = Base64.getUrlDecoder().decode(sealed.group(2));
        return keys.forOpening(exerciseId).map(key -> decrypt(key, exerciseId, data));
    }

    /** As {@link #open}, null when it cannot be opened. */
    public String openOrNull(String value) {
        return open(value).orElse(null);
    }

    /**
     * A coordinate a person gave (a household's or a volunteer's home) as it enters the system: on a grid of 0.01°,
     * about 1.1 km north-south by 0.7 km east-west here — the precision of a four-digit postcode area, which is what
     * matching needs. The exact spot never enters, so it needs no purge; an address for the helper goes in the note.
     */
    public static double coarse(double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }

    public static boolean isSealed(String value) {
        return value != null && SEALED.matcher(value).matches();
    }

    /** Deletes the exercise's key: its personal data can never be read again, wherever it was copied to. */
    public void purge(String exerciseId) {
        keys.destroy(exerciseId);
    }

    public boolean isPurged(String exerciseId) {
        return keys.isPurged(exerciseId);
    }

    private static byte[] encrypt(SecretKey key, String exerciseId, String value) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(exerciseId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plain text; a value sealed under another key or changed on the way does not open (GCM's tag). */
    private static String decrypt(SecretKey key, String exerciseId, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(exerciseId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
