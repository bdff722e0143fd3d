package dev.victor.workflow.model;

/** How a team's members work together. */
public enum TeamFormation {
    SEQUENTIAL, PARALLEL, HIERARCHICAL, PIPELINE, CONSENSUS
}
