package cn.yishi.proposal;

/** One refused field of a proposal: the CONTRACT §1 field name and a Chinese message. */
public record FieldError(String field, String message) {}
