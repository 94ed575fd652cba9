package org.switchboard.accounts.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.SecretVault;

/**
 * Encrypts SIP passwords for storage with AES-256-GCM, so that a copy of the database alone reveals
 * no password; provisioning decrypts them to configure phones.
 *
 * <p>The 256-bit key lives in a key file outside the database (under the data directory), created
 * with owner-only permissions the first time {@link #open} finds none. Each value is {@code
 * Base64(version || 12-byte random IV || ciphertext || 16-byte tag)}, and the caller's context (the
 * user's address) is authenticated with it, so a ciphertext copied to another user does not
 * decrypt. Thread-safe; {@link #open} blocks on file I/O, the other methods are CPU only.
 */
public final class PasswordVault implements SecretVault {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordVault.class);
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private PasswordVault(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Loads the key from {@code keyFile}, or creates the file with a new random key (and its parent
     * directories) if it does not exist.
     *
     * @throws UncheckedIOException if the file cannot be read or written
     * @throws IllegalStateException if the file does not hold a 256-bit key
     */
    public static PasswordVault open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                createKeyFile(keyFile);
            }
            warnIfReadableByOthers(keyFile);
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("Password key file " + keyFile + " holds " + key.length
                        + " bytes, not a " + KEY_BYTES * 8 + "-bit key; restore it from backup");
            }
            return new PasswordVault(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open password key file " + keyFile, e);
        }
    }

    private static void createKeyFile(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        // write a private temporary file, then move it in place so a crash never leaves half a key
        Path tmp = posix
                ? Files.createTempFile(dir, "key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "key", ".tmp");
        try {
            if (!posix) {
                restrictToOwner(tmp);
            }
            Files.write(tmp, key);
            Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Created a new password encryption key in {}; back it up with the database", keyFile);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Password key file {} was created concurrently; using it", keyFile);
        } finally {
            Files.deleteIfExists(tmp);
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void restrictToOwner(Path file) {
        java.io.File f = file.toFile();
        boolean ok = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!ok) {
            LOG.warn("Could not restrict {} to its owner; protect it by other means", file);
        }
    }

    private static void warnIfReadableByOthers(Path keyFile) throws IOException {
        if (Files.getFileStore(keyFile).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("Password key file {} is accessible to others ({}); run chmod 600 on it", keyFile,
                        PosixFilePermissions.toString(perms));
            }
        }
    }

    /**
     * Encrypts {@code password}, bound to {@code context} (e.g. {@code 201@example.com}).
     *
     * @return the sealed value, Base64
     */
    @Override
    public String encrypt(String password, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length);
            out.put(VERSION).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }

    /**
     * Decrypts a value sealed by {@link #encrypt} with the same context.
     *
     * @throws IllegalArgumentException if it was sealed with another key or context, or altered
     */
    @Override
    public String decrypt(String sealed, String context) {
        byte[] in = Base64.getDecoder().decode(sealed);
        if (in.length < 1 + IV_BYTES + TAG_BITS / 8 || in[0] != VERSION) {
            throw new IllegalArgumentException("Not a sealed password");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 1, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, 1 + IV_BYTES, in.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("Password does not decrypt: wrong key file or altered value", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        }
    }
}
