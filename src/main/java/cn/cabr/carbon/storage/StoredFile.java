package cn.cabr.carbon.storage;

public record StoredFile(String key, String sha256, long size) {
}
