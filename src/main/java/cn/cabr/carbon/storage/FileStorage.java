package cn.cabr.carbon.storage;

/**
 * Where uploaded documents and generated PDFs live. The local directory is the default; an object store
 * would be another implementation. Callers check ownership before they read: this layer knows only keys.
 */
public interface FileStorage {

    /** Stores the bytes under a new random key and returns it with the bytes' SHA-256. */
    StoredFile store(byte[] content);

    /** The bytes stored under the key; fails if they are missing or no longer match their checksum. */
    byte[] read(String key, String expectedSha256);

    void delete(String key);
}
