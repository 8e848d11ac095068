package cn.cabr.carbon.application;

/** A document's bytes with what a browser needs to show or save it. */
public record DocumentContent(String filename, String contentType, byte[] bytes) {
}
