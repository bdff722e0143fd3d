package dev.victor.workflow.model;

/** What a human-in-the-loop node asks for. */
public enum HitlType {
    APPROVAL, REVIEW, CHOICE, INPUT, CONFIRMATION
}
