package dev.victor.workflow.expr.internal;

/** A token with its 1-based line and column; value is the number or the decoded string. */
record Token(Kind kind, String text, Object value, int line, int col) {

    /** FSTART, FTEXT (a literal part), FIELD_END (value: conversion and spec) and FEND frame an f-string's tokens. */
    enum Kind { NAME, KEYWORD, INT, FLOAT, STRING, OP, NEWLINE, INDENT, DEDENT, EOF, FSTART, FTEXT, FIELD_END, FEND }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }

    boolean isKeyword(String t) {
        return kind == Kind.KEYWORD && text.equals(t);
    }

    /** How the token reads in a message: {@code ')'}, {@code name 'x'}, {@code end of line}. */
    String describe() {
        switch (kind) {
            case NAME:
                return "name '" + text + "'";
            case INT:
            case FLOAT:
                return "number " + text;
            case STRING:
                return "string " + (text.length() > 30 ? text.substring(0, 27) + "..." : text);
            case NEWLINE:
                return "end of line";
            case INDENT:
                return "indent";
            case DEDENT:
                return "dedent";
            case EOF:
                return "end of text";
            default:
                return "'" + text + "'";
        }
    }
}
