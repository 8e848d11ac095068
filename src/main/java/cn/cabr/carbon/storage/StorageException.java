package cn.cabr.carbon.storage;

/** The storage itself failed (disk full, file missing or altered): a server-side problem, not the user's. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
