package cn.cabr.carbon.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.cabr.carbon.shared.UploadLimits;

/** Files under {@code certification.storage.directory}, named by random keys, written atomically. */
@Component
class LocalDirectoryStorage implements FileStorage {

    private final Path root;

    LocalDirectoryStorage(UploadLimits limits) {
        this.root = Path.of(limits.directory()).toAbsolutePath().normalize();
    }

    @Override
    public StoredFile store(byte[] content) {
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), key, ".part");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("Could not store file " + key, e);
        }
        return new StoredFile(key, sha256(content), content.length);
    }

    @Override
    public byte[] read(String key, String expectedSha256) {
        byte[] content;
        try {
            content = Files.readAllBytes(pathOf(key));
        } catch (IOException e) {
            throw new StorageException("Stored file is missing: " + key, e);
        }
        if (!sha256(content).equals(expectedSha256)) {
            throw new StorageException("Stored file no longer matches its checksum: " + key);
        }
        return content;
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new StorageException("Could not delete file " + key, e);
        }
    }

    /** Two levels of directories from the key's first characters keep any one directory small. */
    private Path pathOf(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new StorageException("Not a storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
